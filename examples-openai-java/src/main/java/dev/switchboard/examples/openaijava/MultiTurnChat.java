package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;

/**
 * A conversation with the official openai-java SDK: the server remembers nothing, so every request
 * carries the whole history, kept here in one {@code ChatCompletionCreateParams.Builder}.
 */
public final class MultiTurnChat {

    /** Has a two-turn conversation with {@code LLM_BASE_URL} / {@code LLM_MODEL}, printing each reply. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(baseUrl, apiKey, model, reply -> System.out.println("assistant: " + reply));
    }

    /**
     * Sends "Hi! My name is Alice.", then "What is my name?" with the first exchange, to {@code baseUrl} (ending
     * in {@code /v1}); {@code onReply} gets each reply as it arrives. Returns the two replies ("" for one without
     * text). Throws the SDK's {@code OpenAIException}s: for an error status, a failed or silent connection.
     */
    public static List<String> run(String baseUrl, String apiKey, String model, Consumer<String> onReply) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl).apiKey(apiKey) // a key is required, even by servers that ignore it
                .timeout(Timeout.builder().read(Duration.ofMinutes(2)).request(Duration.ZERO).build())
                .maxRetries(0).build(); // the default, 2, re-sends a timed-out request: a whole new generation
        ChatCompletionCreateParams.Builder history = ChatCompletionCreateParams.builder().model(model)
                .maxTokens(512); // bounds the answer; Ollama ignores max_completion_tokens
        List<String> replies = new ArrayList<>();
        try {
            for (String userText : List.of("Hi! My name is Alice.", "What is my name?")) {
                history.addUserMessage(userText);
                ChatCompletionMessage reply = client.chat().completions().create(history.build()).choices().get(0).message();
                history.addMessage(reply); // the assistant turn goes back into the history
                String text = reply.content().orElse("");
                onReply.accept(text);
                replies.add(text);
            }
        } finally {
            client.close(); // an application shares one client and closes it at shutdown
        }
        return replies;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
