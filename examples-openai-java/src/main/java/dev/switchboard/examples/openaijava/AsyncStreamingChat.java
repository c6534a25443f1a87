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

import dev.switchboard.core.Endpoint;

/**
 * Beyond the five scenarios: streaming with callbacks, on the SDK's asynchronous client. Nothing
 * blocks the calling thread: each chunk is pushed to a handler on the SDK's stream-handler threads,
 * and a {@link CompletableFuture} completes when the stream ends.
 *
 * <p>{@code OpenAIOkHttpClientAsync} is built like the blocking client;
 * {@code createStreaming(params)} returns an {@link AsyncStreamResponse}: {@code subscribe(handler)}
 * receives every {@link ChatCompletionChunk}, and {@code onCompleteFuture()} completes normally after
 * {@code data: [DONE]}, or exceptionally with the SDK's exception (an error status, an error event,
 * a dropped connection). As with the blocking stream, a body that ends without {@code [DONE]} also
 * completes normally (see {@link StreamingChat}).
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class AsyncStreamingChat {

    private AsyncStreamingChat() {
    }

    /**
     * Streams an answer to standard output from the SDK's threads, then waits for the end.
     * Environment as in {@link NonStreamingChat#main}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        CompletableFuture<String> answer = run(Endpoint.fromEnvironment(), "Count from one to ten in words.", token -> {
            System.out.print(token);
            System.out.flush();
        });
        answer.join(); // the program's only wait; a server application would compose the future instead
        System.out.println();
    }

    /**
     * Starts streaming the answer to {@code prompt} and returns at once.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), chat model, read timeout
     * @param prompt   the user's message
     * @param onToken  called with each non-empty {@code delta.content}, in order, one call at a time,
     *                 on one of the SDK's threads; must not block
     * @return the whole answer once the stream ended; completes exceptionally with the SDK's
     *         exception ({@code OpenAIServiceException}, {@code SseException}, {@code OpenAIIoException})
     *         if it failed. The client is closed when the future completes
     */
    public static CompletableFuture<String> run(Endpoint endpoint, String prompt, Consumer<String> onToken) {
        OpenAIClientAsync client = client(endpoint);
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(endpoint.chatModel())
                .addUserMessage(prompt)
                .build();
        StringBuilder answer = new StringBuilder(); // the handler is called one chunk at a time
        AsyncStreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params);
        stream.subscribe(chunk -> chunk.choices().stream()
                .flatMap(choice -> choice.delta().content().stream())
                .filter(text -> !text.isEmpty())
                .forEach(text -> {
                    onToken.accept(text);
                    answer.append(text);
                }));
        return stream.onCompleteFuture()
                .whenComplete((done, error) -> client.close())
                .thenApply(done -> answer.toString());
    }

    /**
     * The SDK client, set up for a local model rather than for api.openai.com. Close it when done:
     * it owns a connection pool and threads.
     */
    private static OpenAIClientAsync client(Endpoint endpoint) {
        return OpenAIOkHttpClientAsync.builder()
                .baseUrl(endpoint.baseUrl())            // with /v1, e.g. http://localhost:11434/v1
                .apiKey(endpoint.apiKeyOrPlaceholder()) // the SDK needs a key; Ollama and llama-server ignore it
                .timeout(Timeout.builder()
                        .read(endpoint.readTimeout())   // longest silence between two reads: 120 s, a model may load first
                        .request(Duration.ZERO)         // no whole-call limit (the SDK's is 10 min): long answers go on
                        .build())
                .maxRetries(0) // the SDK's default of 2 would send a timed-out request again: a whole new generation
                .build();
    }
}
