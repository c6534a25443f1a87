package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;

import dev.switchboard.core.Endpoint;

/**
 * Beyond the five scenarios: reading what the OpenAI spec does not define but local servers send,
 * with the official openai-java SDK. The SDK keeps every field it does not know in the object's
 * {@code _additionalProperties()}, as raw {@link JsonValue}s:
 * <ul>
 *   <li>a reasoning model's thoughts, beside {@code content}: {@code reasoning_content} from
 *       llama-server and DeepSeek, {@code reasoning} from Ollama's {@code /v1} and newer vLLM
 *       ({@code shared/reference/ollama-wire.md} 3.3), in {@code message} and, streamed, in each
 *       {@code delta}. A third shape, {@code <think>…</think>} inside {@code content} (a model served
 *       without a reasoning parser), arrives as ordinary text: this example leaves it there;</li>
 *   <li>llama-server's {@code timings} at the top level of the answer (prompt and generation
 *       speed, {@code predicted_per_second} in tokens per second), on the non-streaming answer and
 *       on the last stream chunk ({@code llama-server-transcripts/04-chat-nonstream.txt},
 *       {@code 05-chat-stream.txt}).</li>
 * </ul>
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class ReasoningAndTimings {

    /**
     * What came back.
     *
     * @param content   the answer text ({@code content}); empty when none
     * @param reasoning the reasoning from {@code reasoning_content} or {@code reasoning}; empty when
     *                  the server sent neither
     * @param timings   llama-server's {@code timings} as a map (e.g. {@code predicted_per_second}),
     *                  empty when the server sent none (Ollama, vLLM, OpenAI)
     */
    public record Answer(String content, String reasoning, Map<String, Object> timings) {
    }

    private ReasoningAndTimings() {
    }

    /**
     * Asks the endpoint in the environment one question, both ways, and prints what came back.
     * Environment as in {@link NonStreamingChat#main}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Endpoint endpoint = Endpoint.fromEnvironment();
        Answer answer = run(endpoint, "Is 17 a prime number? Answer yes or no.");
        System.out.println("reasoning: " + answer.reasoning());
        System.out.println("content: " + answer.content());
        System.out.println("timings: " + answer.timings());
        Answer streamed = runStreaming(endpoint, "Is 17 a prime number? Answer yes or no.");
        System.out.println("streamed reasoning: " + streamed.reasoning());
        System.out.println("streamed content: " + streamed.content());
        System.out.println("streamed timings: " + streamed.timings());
    }

    /**
     * Asks {@code prompt} without streaming.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), chat model, read timeout
     * @param prompt   the user's message
     * @return the content, the reasoning and the timings
     * @throws com.openai.errors.OpenAIServiceException for an error status, by status
     * @throws com.openai.errors.OpenAIIoException      if the connection fails or times out
     */
    public static Answer run(Endpoint endpoint, String prompt) {
        OpenAIClient client = client(endpoint); // an application shares one client and closes it at shutdown
        try {
            ChatCompletion completion = client.chat().completions().create(params(endpoint, prompt));
            ChatCompletionMessage message = completion.choices().get(0).message();
            return new Answer(message.content().orElse(""),
                    reasoning(message._additionalProperties()).orElse(""),
                    timings(completion._additionalProperties()));
        } finally {
            client.close();
        }
    }

    /**
     * Asks {@code prompt} streaming, and gathers the same three things from the chunks.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), chat model, read timeout
     * @param prompt   the user's message
     * @return the content and reasoning joined from the deltas; the timings of the last chunk that had any
     * @throws com.openai.errors.OpenAIServiceException for an error status, by status
     * @throws com.openai.errors.SseException           for an error event inside the stream
     * @throws com.openai.errors.OpenAIIoException      if the connection fails or times out
     */
    public static Answer runStreaming(Endpoint endpoint, String prompt) {
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        Map<String, Object> timings = Map.of();
        OpenAIClient client = client(endpoint); // an application shares one client and closes it at shutdown
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params(endpoint, prompt))) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    reasoning(choice.delta()._additionalProperties()).ifPresent(reasoning::append);
                    choice.delta().content().ifPresent(content::append);
                }
                Map<String, Object> chunkTimings = timings(chunk._additionalProperties());
                if (!chunkTimings.isEmpty()) {
                    timings = chunkTimings;
                }
            }
        } finally {
            client.close();
        }
        return new Answer(content.toString(), reasoning.toString(), timings);
    }

    /** {@code reasoning_content}, else {@code reasoning}, when either is a string. */
    private static Optional<String> reasoning(Map<String, JsonValue> unknownFields) {
        JsonValue value = unknownFields.getOrDefault("reasoning_content", unknownFields.get("reasoning"));
        return value == null ? Optional.empty() : value.asString().map(Object::toString);
    }

    /** llama-server's {@code timings} object, converted to a map; empty when absent. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> timings(Map<String, JsonValue> unknownFields) {
        JsonValue value = unknownFields.get("timings");
        Map<String, Object> timings = value == null ? null : value.convert(Map.class);
        return timings == null ? Map.of() : timings;
    }

    private static ChatCompletionCreateParams params(Endpoint endpoint, String prompt) {
        return ChatCompletionCreateParams.builder()
                .model(endpoint.chatModel())
                .addUserMessage(prompt)
                .build();
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
