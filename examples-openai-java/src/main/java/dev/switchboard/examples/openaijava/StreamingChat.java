package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** The answer piece by piece as it is generated, with the official openai-java SDK. The README explains the settings. */
public final class StreamingChat {

    /** Streams an answer from {@code LLM_BASE_URL} / {@code LLM_MODEL} to standard output. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(baseUrl, apiKey, model, "Count from one to ten in words.", token -> {
            System.out.print(token);
            System.out.flush();
        });
        System.out.println();
    }

    /**
     * Sends {@code prompt} to {@code baseUrl} (ending in {@code /v1}) with {@code "stream": true}; {@code onToken}
     * gets each non-empty {@code delta.content} on this thread, in order, as it arrives. Returns them joined.
     * Throws the SDK's {@code OpenAIException}s: for an error status, an error event (SseException), a failed or
     * silent connection. A stream cut before {@code data: [DONE]} ends quietly (see the README).
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt, Consumer<String> onToken) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl).apiKey(apiKey) // a key is required, even by servers that ignore it
                .timeout(Timeout.builder().read(Duration.ofMinutes(2)).request(Duration.ZERO).build())
                .maxRetries(0).build(); // the default, 2, re-sends a timed-out request: a whole new generation
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).maxTokens(512).addUserMessage(prompt).build();
        StringBuilder answer = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream() // closing the stream, also early, releases the connection
                    .flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream())
                    .filter(text -> !text.isEmpty())
                    .forEach(text -> {
                        onToken.accept(text);
                        answer.append(text);
                    });
        } finally {
            client.close(); // an application shares one client and closes it at shutdown
        }
        return answer.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
