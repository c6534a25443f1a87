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
 * Multi-turn chat: the server remembers nothing, so each {@code POST {baseUrl}/chat/completions} sends the
 * whole conversation in {@code messages}, earlier replies included (OpenAI Chat Completions; Ollama alike:
 * {@code core/src/test/resources/reference/ollama-wire.md} section 3.2).
 */
public final class MultiTurnChat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Has the conversation with {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL}; prints each reply. */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(baseUrl, apiKey, model, reply -> System.out.println("assistant: " + reply));
    }

    /**
     * Sends "Hi! My name is Alice.", then "What is my name?" after the first exchange, to {@code baseUrl} (with
     * {@code /v1}) with {@code Authorization: Bearer <apiKey>}; {@code onReply} gets each reply as it arrives.
     * @return the two replies, in order
     * @throws IOException if the server cannot be reached, a read waits over 120 s, a status is not 2xx
     *                     (status and body in the message), or a reply has no text
     */
    public static List<String> run(String baseUrl, String apiKey, String model, Consumer<String> onReply)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", false)
                .put("max_tokens", 512); // bounds the answer: a model that does not stop cannot fill the context
        ArrayNode messages = body.putArray("messages"); // the conversation: the model's only memory
        List<String> replies = new ArrayList<>();
        for (String userText : List.of("Hi! My name is Alice.", "What is my name?")) {
            messages.addObject().put("role", "user").put("content", userText);
            Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                    .header("Authorization", "Bearer " + apiKey)
                    .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json")))
                    .build();
            try (Response response = HTTP.newCall(request).execute()) {
                String text = response.body().string();
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
                }
                JsonNode reply = MAPPER.readTree(text).path("choices").path(0).path("message").path("content");
                if (!reply.isTextual()) {
                    throw new IOException("no choices[0].message.content in: " + text);
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
