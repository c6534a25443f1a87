package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;

class OllamaStreamingChatTest {

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
    void streamsTheAnswerLineByLineAndReturnsItWhole() throws IOException {
        List<String> tokens = new ArrayList<>();

        String answer = OllamaStreamingChat.run(server.rootUrl(), "scripted", "Tell me a short story", tokens::add);

        assertThat(answer).isEqualTo("You said: Tell me a short story");
        assertThat(tokens).hasSizeGreaterThan(1).doesNotContain("");
        assertThat(String.join("", tokens)).isEqualTo(answer);
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> OllamaStreamingChat.run(server.rootUrl(), "no-such-model", "Hi", t -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("no-such-model");
    }

    @Test
    void aStreamThatEndsWithoutTheDoneLineIsAnError() {
        server.faults().forModel("no-done", new Fault.NoDoneMarker());

        assertThatThrownBy(() -> OllamaStreamingChat.run(server.rootUrl(), "no-done", "Hello world", t -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("without a \"done\": true line");
    }

    @Test
    void anErrorLineMidStreamIsThrownWithItsMessage() throws IOException {
        // ollama-wire.md 2.1, quoted from Ollama's docs/api/errors.mdx
        String ndjson = "{\"model\":\"gemma4\",\"created_at\":\"2025-10-26T17:21:21.196249Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\" Yes\"},\"done\":false}\n"
                + "{\"error\":\"an error was encountered while running the model\"}\n";
        try (CannedServer canned = CannedServer.answering("application/x-ndjson", ndjson)) {
            List<String> tokens = new ArrayList<>();

            assertThatThrownBy(() -> OllamaStreamingChat.run(canned.rootUrl(), "gemma4", "Hi", tokens::add))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("an error was encountered while running the model");
            assertThat(tokens).containsExactly(" Yes");
        }
    }

    @Test
    void skipsThinkingAndStopsAtDone() throws IOException {
        String ndjson = "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"hmm\"},\"done\":false}\n"
                + "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n"
                + "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n"
                + "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\" after the end\"},\"done\":false}\n";
        try (CannedServer canned = CannedServer.answering("application/x-ndjson", ndjson)) {
            List<String> tokens = new ArrayList<>();

            assertThat(OllamaStreamingChat.run(canned.rootUrl(), "qwen3", "Hi", tokens::add)).isEqualTo("Hi");
            assertThat(tokens).containsExactly("Hi");
        }
    }
}
