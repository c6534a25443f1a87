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
    void embeddingsComeBackOnePerTextInOrderAndRelatedTextsAreCloser(Endpoint endpoint) {
        List<float[]> v1 = Embeddings.run(endpoint, TEXTS);
        List<float[]> api = OllamaEmbeddings.run(endpoint, TEXTS);
        List<float[]> third = Embeddings.run(endpoint, List.of(TEXTS.get(2)));

        assertThat(v1).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(v1.get(2)).containsExactly(third.get(0));
        assertThat(Embeddings.cosine(v1.get(0), v1.get(1))).isGreaterThan(Embeddings.cosine(v1.get(0), v1.get(2)));
        assertThat(api).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(i)).as("native vector %d", i).containsExactly(v1.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING})
    void thinkingArrivesApartFromTheAnswer(String model, Endpoint endpoint) {
        ThinkingChat.Answer answer = ThinkingChat.run(endpoint.toBuilder().chatModel(model).build(), "Hello there friend");

        assertThat(answer.thinking()).isEqualTo(THOUGHTS);
        assertThat(answer.text()).isEqualTo("You said: Hello there friend");
    }

    @Test
    void thinkTagsStayInTheTextWithLangChain4jAlone(Endpoint endpoint) {
        Endpoint thinkTags = endpoint.toBuilder().chatModel(ScriptedEngine.MODEL_THINK_TAGS).build();

        ThinkingChat.Answer answer = ThinkingChat.run(thinkTags, "Hello there friend");

        assertThat(answer.thinking()).as("LangChain4j 1.19 does not split <think> tags").isEmpty();
        assertThat(answer.text()).startsWith("<think>").contains(THOUGHTS).endsWith("You said: Hello there friend");
    }

    @Test
    void nativeThinkingArrivesApartFromTheAnswer(Endpoint endpoint) {
        Endpoint reasoning = endpoint.toBuilder().chatModel(ScriptedEngine.MODEL_REASONING).build();

        OllamaThinkingChat.Answer answer = OllamaThinkingChat.run(reasoning, "Hello there friend");

        assertThat(answer.thinking()).isEqualTo(THOUGHTS);
        assertThat(answer.text()).isEqualTo("You said: Hello there friend");
    }
}
