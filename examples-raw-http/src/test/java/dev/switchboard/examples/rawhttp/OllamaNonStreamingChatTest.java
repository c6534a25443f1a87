package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

class OllamaNonStreamingChatTest {

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
    void returnsTheWholeAnswerWithoutTheThinking() throws IOException {
        assertThat(OllamaNonStreamingChat.run(server.rootUrl(), "scripted", "Why is the sky blue?"))
                .isEqualTo("You said: Why is the sky blue?");
        assertThat(OllamaNonStreamingChat.run(server.rootUrl(), ScriptedEngine.MODEL_REASONING, "Why is the sky blue?"))
                .isEqualTo("You said: Why is the sky blue?");
    }

    @Test
    void generateCompletesThePromptWithoutTheThinking() throws IOException {
        assertThat(OllamaGenerate.run(server.rootUrl(), ScriptedEngine.MODEL_REASONING, "Why is the sky blue?"))
                .isEqualTo("You said: Why is the sky blue?");
        assertThatThrownBy(() -> OllamaGenerate.run(server.rootUrl(), "no-such-model", "Hi"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void anUnknownModelIsA404WithTheServersMessage() {
        assertThatThrownBy(() -> OllamaNonStreamingChat.run(server.rootUrl(), "no-such-model", "Hi"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("no-such-model");
    }

    @Test
    void anAnswerWithoutMessageContentIsAnError() throws IOException {
        try (CannedServer canned = CannedServer.answering("application/json", "{\"model\":\"m\",\"done\":true}")) {
            assertThatThrownBy(() -> OllamaNonStreamingChat.run(canned.rootUrl(), "m", "Hi"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no message.content");
        }
    }
}
