package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;

/**
 * What local servers send beyond the OpenAI spec, read with the official openai-java SDK from
 * {@code _additionalProperties()}: reasoning ({@code reasoning_content} from llama-server,
 * {@code reasoning} from Ollama) on the message and on each delta, and llama-server's {@code timings}.
 * {@code <think>} tags inside {@code content} stay in the content. Errors: the SDK's, as in {@code StreamingChat}.
 */
public final class ReasoningAndTimings {

    /** What came back, each part empty when not sent; timings: e.g. {@code predicted_per_second}, tokens/s. */
    public record Answer(String content, String reasoning, Map<String, Object> timings) { }

    /** Asks {@code LLM_BASE_URL} / {@code LLM_MODEL} one question, both ways, and prints what came back. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(baseUrl, apiKey, model, "Is 17 a prime number? Answer yes or no."));
        System.out.println(runStreaming(baseUrl, apiKey, model, "Is 17 a prime number? Answer yes or no."));
    }

    /**
     * Asks {@code prompt} without streaming.
     *
     * @param baseUrl the OpenAI-compatible root, with {@code /v1}; {@code apiKey}: any text for a local server
     * @return the content, the reasoning and the timings
     */
    public static Answer run(String baseUrl, String apiKey, String model, String prompt) {
        OpenAIClient client = client(baseUrl, apiKey);
        try {
            ChatCompletion completion = client.chat().completions().create(params(model, prompt));
            ChatCompletionMessage message = completion.choices().get(0).message();
            return new Answer(message.content().orElse(""), reasoning(message._additionalProperties()),
                    timings(completion._additionalProperties()));
        } finally {
            client.close();
        }
    }

    /** As {@link #run}, streaming: content and reasoning joined from the deltas, timings from the last chunk. */
    public static Answer runStreaming(String baseUrl, String apiKey, String model, String prompt) {
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        Map<String, Object> timings = new HashMap<>();
        OpenAIClient client = client(baseUrl, apiKey);
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(model, prompt))) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(choice -> {
                    reasoning.append(reasoning(choice.delta()._additionalProperties()));
                    content.append(choice.delta().content().orElse(""));
                });
                timings.putAll(timings(chunk._additionalProperties())); // llama-server: on the last chunk
            });
        } finally {
            client.close();
        }
        return new Answer(content.toString(), reasoning.toString(), timings);
    }

    private static String reasoning(Map<String, JsonValue> extra) {
        JsonValue value = extra.getOrDefault("reasoning_content", extra.get("reasoning"));
        return value == null ? "" : String.valueOf(value.asString().orElse("")); // "" for a non-string
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> timings(Map<String, JsonValue> extra) {
        JsonValue value = extra.get("timings");
        return value == null ? Map.of() : value.convert(Map.class);
    }

    private static ChatCompletionCreateParams params(String model, String prompt) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt).maxTokens(512).build();
    }

    private static OpenAIClient client(String baseUrl, String apiKey) { // the settings are explained in the README
        return OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).maxRetries(0)
                .timeout(Timeout.builder().read(Duration.ofMinutes(2)).request(Duration.ZERO).build()).build();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
