package dev.switchboard.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.LlmEndpointExtension;

/** The embeddings and reasoning examples, both flavours, against the embedded scripted server. */
@ExtendWith(LlmEndpointExtension.class)
class EmbeddingsAndThinkingTest {

    private static final List<String> TEXTS =
            List.of("The cat sat on the mat.", "A cat was sitting on a mat.", "Quarterly taxes are due in April.");
    private static final String THOUGHTS = "The user wrote 3 words. I will answer.";

    @Test
    void embeddingsComeBackOnePerTextInOrderAndRelatedTextsAreCloser(Endpoint e) {
        String model = e.embeddingModel();
        List<float[]> v1 = Embeddings.run(e.baseUrl(), e.apiKeyOrPlaceholder(), model, TEXTS);
        List<float[]> api = OllamaEmbeddings.run(e.rootUrl(), model, TEXTS);
        List<float[]> third = Embeddings.run(e.baseUrl(), e.apiKeyOrPlaceholder(), model, List.of(TEXTS.get(2)));

        assertThat(v1).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(v1.get(2)).containsExactly(third.get(0));
        assertThat(cosine(v1.get(0), v1.get(1))).isGreaterThan(cosine(v1.get(0), v1.get(2)));
        assertThat(api).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(i)).as("native vector %d", i).containsExactly(v1.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING})
    void thinkingArrivesApartFromTheAnswer(String model, Endpoint e) {
        ThinkingChat.Answer answer = ThinkingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), model, "Hello there friend");

        assertThat(answer.thinking()).isEqualTo(THOUGHTS);
        assertThat(answer.text()).isEqualTo("You said: Hello there friend");
    }

    @Test
    void thinkTagsStayInTheTextWithLangChain4jAlone(Endpoint e) {
        ThinkingChat.Answer answer = ThinkingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(),
                ScriptedEngine.MODEL_THINK_TAGS, "Hello there friend");

        assertThat(answer.thinking()).as("LangChain4j 1.19 does not split <think> tags").isEmpty();
        assertThat(answer.text()).startsWith("<think>").contains(THOUGHTS).endsWith("You said: Hello there friend");
    }

    @Test
    void nativeThinkingArrivesApartFromTheAnswer(Endpoint e) {
        OllamaThinkingChat.Answer answer = OllamaThinkingChat.run(e.rootUrl(), ScriptedEngine.MODEL_REASONING,
                "Hello there friend");

        assertThat(answer.thinking()).isEqualTo(THOUGHTS);
        assertThat(answer.text()).isEqualTo("You said: Hello there friend");
    }

    /** The cosine similarity of two vectors of one length, from -1 to 1. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
