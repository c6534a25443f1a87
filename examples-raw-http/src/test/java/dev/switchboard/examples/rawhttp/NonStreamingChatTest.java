package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;

class NonStreamingChatTest {

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
    void returnsTheWholeAnswer() throws IOException {
        String answer = NonStreamingChat.run(server.openAiBaseUrl(), "test-key", "scripted", "Why is the sky blue?");

        assertThat(answer).isEqualTo("You said: Why is the sky blue?");
    }

    @Test
    void anUnknownModelIsA404WithTheServersMessage() {
        assertThatThrownBy(() -> NonStreamingChat.run(server.openAiBaseUrl(), "test-key", "no-such-model", "Hi"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("no-such-model");
    }

    @Test
    void aServerErrorStatusIsThrownWithItsBody() {
        server.faults().forModel("overloaded", new Fault.Status(503, "model is overloaded", Duration.ofSeconds(1)));

        assertThatThrownBy(() -> NonStreamingChat.run(server.openAiBaseUrl(), "test-key", "overloaded", "Hi"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("model is overloaded");
    }

    @Test
    void anUnreachableServerIsAnIOException() {
        // port 9 (discard) on loopback: nothing listens there on a test machine
        assertThatThrownBy(() -> NonStreamingChat.run("http://127.0.0.1:9/v1", "test-key", "scripted", "Hi"))
                .isInstanceOf(IOException.class);
    }
}
