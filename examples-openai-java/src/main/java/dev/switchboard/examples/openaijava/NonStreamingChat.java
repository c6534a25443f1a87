package dev.switchboard.examples.openaijava;

import java.time.Duration;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** One question, one whole answer, with the official openai-java SDK. The README explains the settings. */
public final class NonStreamingChat {

    /** Asks {@code LLM_BASE_URL} / {@code LLM_MODEL} one question and prints the answer. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(baseUrl, apiKey, model, "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message to {@code baseUrl} (ending in {@code /v1}) and returns
     * {@code choices[0].message.content} ("" if the model sent no text). Throws the SDK's {@code OpenAIException}s:
     * for an error status (e.g. NotFoundException for an unknown model), a failed or silent connection.
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl).apiKey(apiKey) // a key is required, even by servers that ignore it
                .timeout(Timeout.builder().read(Duration.ofMinutes(2)).request(Duration.ZERO).build())
                .maxRetries(0).build(); // the default, 2, re-sends a timed-out request: a whole new generation
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt)
                    .maxTokens(512).build(); // bounds the answer; Ollama ignores max_completion_tokens
            ChatCompletion completion = client.chat().completions().create(params);
            return completion.choices().get(0).message().content().orElse("");
        } finally {
            client.close(); // an application shares one client and closes it at shutdown
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
