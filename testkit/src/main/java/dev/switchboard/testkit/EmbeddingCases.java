package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.Capability;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.ModelNotFoundException;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * {@link LlmClientContract}'s cases on embeddings (order, dimension, similarity, an unknown model)
 * and the model list.
 */
abstract class EmbeddingCases extends ConversationCases {

    EmbeddingCases() {
    }

    @Test
    @DisplayName("embeddings: one vector per input, in input order, of one dimension; related texts closer")
    void embeddings() {
        requires(Capability.EMBEDDINGS);
        List<String> texts = List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
                "Quarterly tax reports are due in April.");

        EmbeddingResponse batch = client.embed(new EmbeddingRequest(null, texts));
        EmbeddingResponse last = client.embed(new EmbeddingRequest(null, List.of(texts.get(2))));

        assertThat(batch.vectors()).hasSize(3);
        assertThat(batch.dimension()).isEqualTo(ScriptedEngine.EMBEDDING_DIMENSION);
        assertThat(batch.vectors()).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(batch.vectors().get(2)).as("the third vector is the third text's")
                .containsExactly(last.vectors().get(0), within(1e-6f));
        assertThat(EmbeddingResponse.cosine(batch.vectors().get(0), batch.vectors().get(1)))
                .isGreaterThan(EmbeddingResponse.cosine(batch.vectors().get(0), batch.vectors().get(2)));
    }

    @Test
    @DisplayName("embeddings: an unknown model is ModelNotFoundException")
    void embeddingsUnknownModel() {
        requires(Capability.EMBEDDINGS);
        assertThatThrownBy(() -> client.embed(new EmbeddingRequest("no-such-embedding-model", List.of("x"))))
                .isInstanceOf(ModelNotFoundException.class)
                .satisfies(e -> assertThat(((LlmException) e).status()).isEqualTo(404));
    }

    @Test
    @DisplayName("models: the server's chat and embedding models are listed")
    void models() {
        requires(Capability.MODELS);
        assertThat(client.models()).extracting(ModelInfo::id)
                .contains(ScriptedEngine.MODEL, ScriptedEngine.EMBEDDING_MODEL);
    }
}
