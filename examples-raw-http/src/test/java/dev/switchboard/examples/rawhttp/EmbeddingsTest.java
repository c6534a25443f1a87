package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

class EmbeddingsTest {

    private static final List<String> TEXTS = List.of("The cat sat on the mat.", "Stock prices fell today.",
            "The cat sat on the mat.");
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
    void returnsOneVectorOfTheModelsLengthPerText() throws IOException {
        List<float[]> vectors = Embeddings.run(server.openAiBaseUrl(), "test-key", "scripted-embed", TEXTS);

        assertThat(vectors).hasSize(3);
        assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(vectors.get(0)).isEqualTo(vectors.get(2)); // same text, same vector
        assertThat(vectors.get(0)).isNotEqualTo(vectors.get(1));
    }

    @Test
    void vectorsAreInTheOrderOfTheTexts() throws IOException {
        List<float[]> batch = Embeddings.run(server.openAiBaseUrl(), "test-key", "scripted-embed", TEXTS);

        for (int i = 0; i < TEXTS.size(); i++) {
            float[] alone = Embeddings.run(server.openAiBaseUrl(), "test-key", "scripted-embed", List.of(TEXTS.get(i))).get(0);
            assertThat(batch.get(i)).isEqualTo(alone);
        }
    }

    @Test
    void ordersByIndexWhateverTheOrderOnTheWire() throws IOException {
        String reversed = "{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"embedding\":[2.0,2.5],\"index\":1},"
                + "{\"object\":\"embedding\",\"embedding\":[1.0,1.5],\"index\":0}],\"model\":\"m\"}";
        try (CannedServer canned = CannedServer.answering("application/json", reversed)) {
            List<float[]> vectors = Embeddings.run(canned.rootUrl() + "/v1", "test-key", "m", List.of("a", "b"));

            assertThat(vectors.get(0)).containsExactly(1.0f, 1.5f);
            assertThat(vectors.get(1)).containsExactly(2.0f, 2.5f);
        }
    }

    @Test
    void aMissingVectorIsAnError() throws IOException {
        String one = "{\"data\":[{\"embedding\":[1.0],\"index\":0}]}";
        try (CannedServer canned = CannedServer.answering("application/json", one)) {
            assertThatThrownBy(() -> Embeddings.run(canned.rootUrl() + "/v1", "test-key", "m", List.of("a", "b")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("expected one vector for each of 2 texts");
        }
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> Embeddings.run(server.openAiBaseUrl(), "test-key", "no-such-model", TEXTS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("no-such-model");
    }
}
