package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class EmbeddingsTest {

    @Test
    void oneVectorPerTextInInputOrder(Endpoint endpoint) {
        List<String> texts = List.of("The cat sat on the mat.", "A cat was sitting on a mat.", "Taxes are due in April.");

        List<float[]> vectors = Embeddings.run(endpoint.baseUrl(), "test-key", endpoint.embeddingModel(), texts);
        List<float[]> third = Embeddings.run(endpoint.baseUrl(), "test-key", endpoint.embeddingModel(), List.of(texts.get(2)));

        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(vectors.get(2)).containsExactly(third.get(0), within(1e-6f));
        assertThat(EmbeddingResponse.cosine(vectors.get(0), vectors.get(1)))
                .isGreaterThan(EmbeddingResponse.cosine(vectors.get(0), vectors.get(2)));
    }

    @Test
    void asksForFloatsNotTheSdksDefaultBase64() throws InterruptedException {
        String body = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"embedding\":[0.5,-0.25],\"index\":0}],"
                + "\"model\":\"tiny-embed\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}";
        try (RecordedServer canned = new RecordedServer().enqueue(200, "application/json", body)) {
            List<float[]> vectors = Embeddings.run(canned.baseUrl(), "test-key", "tiny", List.of("hi"));

            assertThat(vectors.get(0)).containsExactly(0.5f, -0.25f);
            assertThat(canned.takeRequestBody()).contains("\"encoding_format\":\"float\"");
        }
    }
}
