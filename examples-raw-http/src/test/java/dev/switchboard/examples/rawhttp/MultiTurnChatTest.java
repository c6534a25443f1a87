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

class MultiTurnChatTest {

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

        List<String> replies = MultiTurnChat.run(server.openAiBaseUrl(), "test-key", "scripted", seen::add);

        assertThat(replies).containsExactly("Nice to meet you, Alice.", "Your name is Alice.");
        assertThat(seen).isEqualTo(replies);
    }

    @Test
    void sendsTheWholeHistoryOnTheSecondTurn() throws IOException {
        String answer = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Noted.\"}}]}";
        try (CannedServer canned = CannedServer.answering("application/json", answer)) {
            MultiTurnChat.run(canned.rootUrl() + "/v1", "test-key", "any", reply -> { });

            assertThat(canned.requestBodies()).hasSize(2);
            JsonNode second = new ObjectMapper().readTree(canned.requestBodies().get(1)).path("messages");
            assertThat(second.toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hi! My name is Alice.\"},"
                    + "{\"role\":\"assistant\",\"content\":\"Noted.\"},"
                    + "{\"role\":\"user\",\"content\":\"What is my name?\"}]");
        }
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> MultiTurnChat.run(server.openAiBaseUrl(), "test-key", "no-such-model", r -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404");
    }
}
