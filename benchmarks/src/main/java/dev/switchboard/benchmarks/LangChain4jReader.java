package dev.switchboard.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Reads the stream with LangChain4j's own streaming API, as an application would without
 * Switchboard: {@link OpenAiStreamingChatModel} (its default HTTP client, {@code java.net.http})
 * with a plain {@link StreamingChatResponseHandler} that counts every {@code onPartialResponse}, the
 * caller waiting for {@code onCompleteResponse} on a {@link CompletableFuture}. Same settings as the
 * {@code langchain4j} adapter: 30 s timeout, the placeholder key.
 */
public final class LangChain4jReader implements StreamReader {

    private final StreamingChatModel model;
    private final ChatRequest request = ChatRequest.builder().messages(UserMessage.from("go")).build();

    /** Reads from {@code baseUrl} (with {@code /v1}). */
    public LangChain4jReader(String baseUrl) {
        this.model = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey("no-key-required")
                .modelName("bench")
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    @Override
    public long read(FirstDelta firstDelta) throws InterruptedException, ExecutionException {
        AtomicLong deltas = new AtomicLong();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                if (deltas.getAndIncrement() == 0) {
                    firstDelta.at(System.nanoTime());
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        done.get();
        return deltas.get();
    }

    @Override
    public void close() {
        // OpenAiStreamingChatModel holds no resource to release; java.net.http's client has no close() on Java 17.
    }
}
