package dev.switchboard.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.switchboard.core.Endpoint;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * The retrieval example with the real all-MiniLM-L6-v2 model, in-process: the right bundled
 * document for each question (offline), and its text reaching the chat model (scripted server).
 */
@ExtendWith(LlmEndpointExtension.class)
class RetrievalTest {

    private static EmbeddingModel embeddings;
    private static EmbeddingStore<TextSegment> store;

    @BeforeAll
    static void index() throws Exception {
        embeddings = new AllMiniLmL6V2EmbeddingModel();
        store = Retrieval.index(embeddings);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Which port does Ollama listen on?|ollama.txt",
            "How do I pull a model and how long does it stay loaded?|ollama.txt",
            "Which server ships with llama.cpp and serves a GGUF file?|llama-server.txt",
            "What is PagedAttention and continuous batching on GPUs?|vllm.txt",
            "Is there a desktop app with a graphical model browser?|lm-studio.txt",
            "Do I need an API key or secret for a local server?|api-keys.txt"})
    void findsTheDocumentThatAnswersTheQuestion(String question, String document) {
        assertThat(Retrieval.findDocument(store, embeddings, question)).isEqualTo(document);
    }

    @Test
    void theModelIsRealNotAHash() {
        float[] vector = embeddings.embed("Which port does Ollama listen on?").content().vector();

        assertThat(vector).hasSize(384);
        assertThat(EmbeddingsAndThinkingTest.cosine(vector, embeddings.embed("On what port is Ollama served?").content().vector()))
                .as("a paraphrase with few shared words").isGreaterThan(0.7);
    }

    @Test
    void theRetrievedDocumentReachesTheChatModel(Endpoint endpoint) {
        String answer = Retrieval.run(endpoint.baseUrl(), endpoint.apiKeyOrPlaceholder(), endpoint.chatModel(),
                embeddings, store, "Which port does Ollama listen on?");

        // The scripted server echoes the user message, which LangChain4j augmented with the document.
        assertThat(answer).startsWith("You said: Which port does Ollama listen on?")
                .contains("It listens on port 11434.")
                .doesNotContain("port 8080");
    }
}
