package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import dev.switchboard.core.Endpoint;

/**
 * Scenario 2, streaming chat with the official openai-java SDK: the answer arrives piece by piece.
 *
 * <p>{@code createStreaming(params)} sends {@code "stream": true} and returns a
 * {@link StreamResponse} of typed {@link ChatCompletionChunk}s, parsed from the server-sent events
 * as they arrive; {@code choices[0].delta.content} is the next piece of text. The stream holds the
 * HTTP response open, so it is read inside try-with-resources: closing it, also early, releases
 * the connection.
 *
 * <p>What the SDK does and does not do with the wire (recorded in
 * {@code shared/reference/llama-server-transcripts/05-chat-stream.txt} and
 * {@code shared/reference/ollama-wire.md} 2.2, 3.4): it skips comments and stops at
 * {@code data: [DONE]}; an {@code {"error":…}} event is thrown as {@code SseException}; but a body
 * that ends <em>without</em> {@code [DONE]} (how Ollama's {@code /v1} ends a failed stream) ends the
 * stream quietly, as if it were complete. The {@code openai-java} {@code LlmClient} adapter of this
 * module detects that case; this example does not.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class StreamingChat {

    private StreamingChat() {
    }

    /**
     * Streams an answer from the endpoint in the environment to standard output as it arrives.
     * Environment as in {@link NonStreamingChat#main}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Endpoint.fromEnvironment(), "Count from one to ten in words.", token -> {
            System.out.print(token);
            System.out.flush();
        });
        System.out.println();
    }

    /**
     * Sends {@code prompt} as one user message and streams the answer.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), chat model, read timeout
     * @param prompt   the user's message
     * @param onToken  called on this thread with each non-empty {@code delta.content}, in order, as it arrives
     * @return the whole answer: every piece given to {@code onToken}, joined
     * @throws com.openai.errors.OpenAIServiceException for an error status before the stream, by status
     * @throws com.openai.errors.SseException           for an error event inside the stream
     * @throws com.openai.errors.OpenAIIoException      if the connection fails or is silent longer
     *         than the read timeout, before or during the stream
     * @throws com.openai.errors.OpenAIInvalidDataException if a chunk is not JSON
     */
    public static String run(Endpoint endpoint, String prompt, Consumer<String> onToken) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(endpoint.chatModel())
                .addUserMessage(prompt)
                .build();
        StringBuilder answer = new StringBuilder();
        OpenAIClient client = client(endpoint); // an application shares one client and closes it at shutdown
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream())
                    .filter(text -> !text.isEmpty()) // null in llama-server's first chunk, "" in Ollama's tool-call chunks
                    .forEach(text -> {
                        onToken.accept(text);
                        answer.append(text);
                    });
        } finally {
            client.close();
        }
        return answer.toString();
    }

    /**
     * The SDK client, set up for a local model rather than for api.openai.com. Close it when done:
     * it owns a connection pool and threads.
     */
    private static OpenAIClient client(Endpoint endpoint) {
        return OpenAIOkHttpClient.builder()
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
