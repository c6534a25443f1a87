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

class OllamaEmbeddingsTest {

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
        List<float[]> vectors = OllamaEmbeddings.run(server.rootUrl(), "scripted-embed", TEXTS);

        assertThat(vectors).hasSize(3);
        assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(vectors.get(0)).isEqualTo(vectors.get(2)); // same text, same vector
        assertThat(vectors.get(0)).isNotEqualTo(vectors.get(1));
    }

    @Test
    void vectorsAreInTheOrderOfTheTextsAndMatchTheOpenAiRoute() throws IOException {
        List<float[]> nativeVectors = OllamaEmbeddings.run(server.rootUrl(), "scripted-embed", TEXTS);
        List<float[]> v1Vectors = Embeddings.run(server.openAiBaseUrl(), "test-key", "scripted-embed", TEXTS);

        for (int i = 0; i < TEXTS.size(); i++) {
            float[] alone = OllamaEmbeddings.run(server.rootUrl(), "scripted-embed", List.of(TEXTS.get(i))).get(0);
            assertThat(nativeVectors.get(i)).isEqualTo(alone).isEqualTo(v1Vectors.get(i));
        }
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> OllamaEmbeddings.run(server.rootUrl(), "no-such-model", TEXTS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("no-such-model");
    }
}
