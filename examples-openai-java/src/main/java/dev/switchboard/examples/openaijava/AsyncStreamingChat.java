package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.Timeout;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * Streaming with callbacks on the SDK's asynchronous client: nothing blocks the calling thread;
 * each chunk goes to a handler on the SDK's threads, and a future completes when the stream ends.
 */
public final class AsyncStreamingChat {

    /** Streams an answer from {@code LLM_BASE_URL} / {@code LLM_MODEL} to standard output, then waits for the end. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(baseUrl, apiKey, model, "Count from one to ten in words.", System.out::print).join(); // the only wait
        System.out.println();
    }

    /**
     * Starts streaming the answer to {@code prompt} from {@code baseUrl} (ending in {@code /v1}) and returns at
     * once; {@code onToken} gets each non-empty {@code delta.content} in order, one at a time, on an SDK thread.
     * The future holds the whole answer once the stream ended, or fails with the SDK's exception.
     */
    public static CompletableFuture<String> run(String baseUrl, String apiKey, String model, String prompt,
            Consumer<String> onToken) {
        OpenAIClientAsync client = OpenAIOkHttpClientAsync.builder()
                .baseUrl(baseUrl).apiKey(apiKey) // a key is required, even by servers that ignore it
                .timeout(Timeout.builder().read(Duration.ofMinutes(2)).request(Duration.ZERO).build())
                .maxRetries(0).build(); // the default, 2, re-sends a timed-out request: a whole new generation
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt)
                .maxTokens(512).build(); // bounds the answer; Ollama ignores max_completion_tokens
        StringBuilder answer = new StringBuilder(); // the handler gets one chunk at a time
        AsyncStreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params);
        stream.subscribe(chunk -> chunk.choices().stream()
                .flatMap(choice -> choice.delta().content().stream())
                .filter(text -> !text.isEmpty())
                .forEach(text -> {
                    onToken.accept(text);
                    answer.append(text);
                }));
        return stream.onCompleteFuture()
                .whenComplete((done, error) -> client.close()) // after the last chunk, or the failure
                .thenApply(done -> answer.toString());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
