package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

class OllamaMultiTurnChatTest {

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
    void theSecondTurnRemembersTheFirst() throws IOException {
        List<String> seen = new ArrayList<>();

        List<String> replies = OllamaMultiTurnChat.run(server.rootUrl(), "scripted", seen::add);

        assertThat(replies).containsExactly("Nice to meet you, Alice.", "Your name is Alice.");
        assertThat(seen).isEqualTo(replies);
    }

    @Test
    void sendsTheWholeHistoryOnTheSecondTurn() throws IOException {
        String answer = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Noted.\"},\"done\":true}";
        try (CannedServer canned = CannedServer.answering("application/json", answer)) {
            OllamaMultiTurnChat.run(canned.rootUrl(), "m", reply -> { });

            assertThat(canned.requestBodies()).hasSize(2);
            JsonNode second = new ObjectMapper().readTree(canned.requestBodies().get(1));
            assertThat(second.path("stream").asBoolean(true)).isFalse();
            assertThat(second.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hi! My name is Alice.\"},"
                    + "{\"role\":\"assistant\",\"content\":\"Noted.\"},"
                    + "{\"role\":\"user\",\"content\":\"What is my name?\"}]");
        }
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> OllamaMultiTurnChat.run(server.rootUrl(), "no-such-model", r -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404");
    }
}
