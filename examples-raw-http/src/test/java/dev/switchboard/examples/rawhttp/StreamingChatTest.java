package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;

class StreamingChatTest {

    private static SwitchboardServer server;

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(new ScriptedEngine());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void streamsTheAnswerPieceByPieceAndReturnsItWhole() throws IOException {
        List<String> tokens = new ArrayList<>();

        String answer = StreamingChat.run(server.openAiBaseUrl(), "test-key", "scripted",
                "Tell me a short story", tokens::add);

        assertThat(answer).isEqualTo("You said: Tell me a short story");
        assertThat(tokens).hasSizeGreaterThan(1).doesNotContain("");
        assertThat(String.join("", tokens)).isEqualTo(answer);
    }

    @Test
    void charactersSplitAcrossWritesArriveWhole() throws IOException {
        server.faults().forModel("split-writes", new Fault.SplitWrites(3));
        List<String> tokens = new ArrayList<>();

        String answer = StreamingChat.run(server.openAiBaseUrl(), "test-key", "split-writes", "Show me unicode", tokens::add);

        assertThat(answer).isEqualTo("你好 😊 Unicode works.");
        assertThat(String.join("", tokens)).isEqualTo(answer);
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> StreamingChat.run(server.openAiBaseUrl(), "test-key", "no-such-model", "Hi", t -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("no-such-model");
    }

    @Test
    void aStatusBeforeTheStreamIsThrownWithItsBody() {
        server.faults().forModel("rate-limited", new Fault.Status(429, "rate limit exceeded", null));

        assertThatThrownBy(() -> StreamingChat.run(server.openAiBaseUrl(), "test-key", "rate-limited", "Hi", t -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("rate limit exceeded");
    }

    @Test
    void aStreamThatEndsWithoutDoneIsAnError() {
        server.faults().forModel("no-done", new Fault.NoDoneMarker());
        List<String> tokens = new ArrayList<>();

        assertThatThrownBy(() -> StreamingChat.run(server.openAiBaseUrl(), "test-key", "no-done", "Hello world", tokens::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("without data: [DONE]")
                .hasMessageContaining("You said: Hello world");
        assertThat(String.join("", tokens)).isEqualTo("You said: Hello world");
    }

    @Test
    void aDroppedConnectionIsAnError() {
        server.faults().forModel("dropped", new Fault.DropConnection(2));

        assertThatThrownBy(() -> StreamingChat.run(server.openAiBaseUrl(), "test-key", "dropped", "one two three four", t -> { }))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aChunkThatIsNotJsonIsAnError() {
        server.faults().forModel("malformed", new Fault.MalformedChunk(1));

        assertThatThrownBy(() -> StreamingChat.run(server.openAiBaseUrl(), "test-key", "malformed", "one two three", t -> { }))
                .isInstanceOf(IOException.class);
    }

    @Test
    void readsDataWithAndWithoutSpaceSkipsCommentsEventLinesNullAndEmptyContent() throws IOException {
        String sse = ": keep-alive comment\n"
                + "\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}\n"
                + "\n"
                + "event: message\n"
                + "data:{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n"
                + "\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\",\"reasoning\":\"hmm\"}}]}\r\n"
                + "\r\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}\n"
                + "\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n"
                + "\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}\n"
                + "\n"
                + "data: [DONE]\n"
                + "\n";
        try (CannedServer canned = CannedServer.answering("text/event-stream", sse)) {
            List<String> tokens = new ArrayList<>();

            String answer = StreamingChat.run(canned.rootUrl() + "/v1", "test-key", "any", "Hi", tokens::add);

            assertThat(tokens).containsExactly("Hel", "lo");
            assertThat(answer).isEqualTo("Hello");
        }
    }

    @Test
    void anErrorEventIsThrownWithItsPayload() throws IOException {
        String sse = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                + "data: {\"error\":{\"message\":\"the model crashed\",\"type\":\"server_error\"}}\n\n";
        try (CannedServer canned = CannedServer.answering("text/event-stream", sse)) {
            assertThatThrownBy(() -> StreamingChat.run(canned.rootUrl() + "/v1", "test-key", "any", "Hi", t -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("the model crashed");
        }
    }

    @Test
    void stopsReadingAtDone() throws IOException {
        String sse = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                + "data: [DONE]\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" after the end\"}}]}\n\n";
        try (CannedServer canned = CannedServer.answering("text/event-stream", sse)) {
            assertThat(StreamingChat.run(canned.rootUrl() + "/v1", "test-key", "any", "Hi", t -> { }))
                    .isEqualTo("Hi");
        }
    }

    @Test
    void aLongStallBetweenChunksWithinTheReadTimeoutIsNotAnError() throws IOException {
        server.faults().forModel("stalling", new Fault.StallMidStream(1, Duration.ofMillis(300)));

        assertThat(StreamingChat.run(server.openAiBaseUrl(), "test-key", "stalling", "wait for it", t -> { }))
                .isEqualTo("You said: wait for it");
    }
}
