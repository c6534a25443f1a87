package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/** {@link ListModels} and {@link OllamaListModels} against the scripted server. */
class ListModelsTest {

    @Test
    void bothRoutesListTheSameModels() throws IOException {
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
            assertThat(ListModels.run(server.openAiBaseUrl(), "test-key"))
                    .contains(ScriptedEngine.MODEL, ScriptedEngine.EMBEDDING_MODEL)
                    .isEqualTo(OllamaListModels.run(server.rootUrl()));
        }
    }

    @Test
    void theKeyIsSentAndAWrongOneIsA401WithTheServersMessage() throws IOException {
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine()).apiKey("s3cret").start()) {
            assertThat(ListModels.run(server.openAiBaseUrl(), "s3cret")).contains(ScriptedEngine.MODEL);
            assertThatThrownBy(() -> ListModels.run(server.openAiBaseUrl(), "wrong"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("Invalid API Key");
        }
    }

    @Test
    void anUnknownRouteIsA404() {
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
            assertThatThrownBy(() -> OllamaListModels.run(server.rootUrl() + "/nowhere"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 404");
        }
    }
}
