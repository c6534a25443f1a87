package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;

/**
 * Multi-turn chat on Ollama's native {@code POST {rootUrl}/api/chat}: Ollama remembers nothing between requests,
 * so each one sends the whole conversation in {@code messages}
 * ({@code core/src/test/resources/reference/ollama-wire.md} section 7.1).
 */
public final class OllamaMultiTurnChat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Has the conversation with the Ollama at {@code LLM_BASE_URL} (without {@code /v1}) and {@code LLM_MODEL}. */
    public static void main(String[] args) throws IOException {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(rootUrl, model, reply -> System.out.println("assistant: " + reply));
    }

    /**
     * Sends "Hi! My name is Alice.", then "What is my name?" after the first exchange, to {@code rootUrl} (e.g.
     * {@code http://localhost:11434}); {@code onReply} gets each reply on this thread as it arrives.
     * @return the two replies, in order
     * @throws IOException if the server cannot be reached, a read waits over 120 s, a status is not 2xx
     *                     (status and body in the message; an unknown model is 404), or a reply has no text
     */
    public static List<String> run(String rootUrl, String model, Consumer<String> onReply) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", false); // the default is true
        body.putObject("options").put("num_predict", 512); // max_tokens: bounds the answer
        ArrayNode messages = body.putArray("messages"); // the conversation: the model's only memory
        List<String> replies = new ArrayList<>();
        for (String userText : List.of("Hi! My name is Alice.", "What is my name?")) {
            messages.addObject().put("role", "user").put("content", userText);
            Request request = new Request.Builder().url(rootUrl + "/api/chat") // no Authorization: Ollama ignores it
                    .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json"))).build();
            try (Response response = HTTP.newCall(request).execute()) {
                String text = response.body().string();
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
                }
                JsonNode reply = MAPPER.readTree(text).path("message").path("content");
                if (!reply.isTextual()) {
                    throw new IOException("no message.content in: " + text);
                }
                messages.addObject().put("role", "assistant").put("content", reply.asText());
                onReply.accept(reply.asText());
                replies.add(reply.asText());
            }
        }
        return replies;
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
