package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.server.RagOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

class RagChatTest {

    @TempDir
    static Path knowledge;
    private static SwitchboardServer server;

    @BeforeAll
    static void startServer() throws IOException {
        Files.writeString(knowledge.resolve("account.md"), "To reset your password, open Settings and choose Reset.");
        server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .rag(RagOptions.builder(knowledge).waitingMessage("Let me check. ").build()).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void theWaitingMessageComesFirstThenTheAnswer() throws IOException {
        List<String> pieces = RagChat.run(server.openAiBaseUrl(), "scripted", "How do I reset my password?");

        assertThat(pieces.get(0)).isEqualTo("Let me check. ");
        assertThat(String.join("", pieces.subList(1, pieces.size()))).isEqualTo("You said: How do I reset my password?");
    }

    @Test
    void aServerWithoutRagIsA404() {
        try (SwitchboardServer plain = SwitchboardServer.start(new ScriptedEngine())) {
            assertThatThrownBy(() -> RagChat.run(plain.openAiBaseUrl(), "scripted", "Hi"))
                    .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404").hasMessageContaining("--rag-dir");
        }
    }
}
