package dev.switchboard.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.vertx.core.Context;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.ReasoningShape;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * Issue 16, finding 2: engine work never runs on an event loop, and the scripted rules are linear
 * in their input. Before: {@code Engine.chat} was called on the event loop, and one message with a
 * 200,000-digit number or 20,000 capitalised words held it for seconds.
 */
@Timeout(120)
class EngineOffTheEventLoopTest {

    @Test
    void everyEngineMethodIsCalledOffTheEventLoops() {
        RecordingEngine engine = new RecordingEngine(new ScriptedEngine());
        try (SwitchboardServer server = SwitchboardServer.start(engine)) {
            String chat = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            assertThat(Sockets.exchange(server, post("/v1/chat/completions", chat), 10_000).status()).isEqualTo(200);
            assertThat(Sockets.exchange(server, post("/api/chat", chat), 10_000).status()).isEqualTo(200);
            assertThat(Sockets.exchange(server, post("/v1/embeddings", "{\"input\":\"hi\"}"), 10_000).status()).isEqualTo(200);
        }
        assertThat(engine.calls).contains("chat", "embed");
        assertThat(engine.onEventLoop).as("engine methods called on an event loop").isEmpty();
    }

    @Test
    void aToolCallWithA200000DigitNumberIsLinear() {
        ToolSpec add = new ToolSpec("add", "adds", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},"
                + "\"b\":{\"type\":\"number\"}}}");
        String message = "please add 1" + "0".repeat(199_999) + " and 9" + "9".repeat(199_999) + ".5 now";
        List<ChatEvent> events = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> new ScriptedEngine().events(ChatRequest.builder().user(message).addTool(add).build()));
        assertThat(events.get(0)).isInstanceOf(ChatEvent.ToolCallEvent.class);
    }

    @Test
    void aToolCallWith20000CapitalisedWordsIsLinear() {
        ToolSpec weather = new ToolSpec("get_weather", "weather",
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                        + "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}}}");
        StringBuilder message = new StringBuilder("weather in celsius for");
        for (int i = 0; i < 20_000; i++) {
            message.append(" C").append(i);
        }
        ChatRequest request = ChatRequest.builder().system("x ".repeat(1_000_000)).user(message.toString())
                .addTool(weather).build();
        List<ChatEvent> events = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> new ScriptedEngine().events(request));
        assertThat(events.stream().filter(e -> e instanceof ChatEvent.ToolCallEvent)).hasSize(20_000);
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** Delegates to an engine and notes every method called on a Vert.x event-loop thread. */
    static final class RecordingEngine implements Engine {
        final Engine delegate;
        final Set<String> calls = ConcurrentHashMap.newKeySet();
        final Set<String> onEventLoop = ConcurrentHashMap.newKeySet();

        RecordingEngine(Engine delegate) {
            this.delegate = delegate;
        }

        private void note(String method) {
            calls.add(method);
            if (Context.isOnEventLoopThread()) {
                onEventLoop.add(method + " on " + Thread.currentThread().getName());
            }
        }

        @Override
        public List<ModelInfo> models() {
            return delegate.models(); // read at start and for /v1/models, not per request
        }

        @Override
        public EngineCall chat(ChatRequest request, EngineSink sink) {
            note("chat");
            return delegate.chat(request, sink);
        }

        @Override
        public EmbeddingResponse embed(EmbeddingRequest request) {
            note("embed");
            return delegate.embed(request);
        }

        @Override
        public ReasoningShape reasoningShape(String model) {
            return delegate.reasoningShape(model);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
