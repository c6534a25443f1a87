package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Scenario 3, multi-turn chat: the server remembers nothing between requests, so the client sends
 * the whole conversation every time.
 *
 * <p>Turn one sends {@code [user "Hi! My name is Alice."]}; turn two sends
 * {@code [user "Hi! My name is Alice.", assistant <reply 1>, user "What is my name?"]}, and a good
 * model answers with the name. Each turn is a non-streaming {@code POST {baseUrl}/chat/completions}
 * (OpenAI Chat Completions: the {@code messages} array is the only memory; Ollama and llama-server
 * are stateless the same way, see {@code shared/reference/ollama-wire.md} section 3).
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class MultiTurnChat {

    /** The user's two messages, sent one per turn. */
    static final List<String> USER_TURNS = List.of("Hi! My name is Alice.", "What is my name?");

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One client for the whole program. The read timeout is the longest wait for the next bytes (per
     * read, not for the whole call): generous, because a local model may load before it answers.
     */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private MultiTurnChat() {
    }

    /**
     * Has the two-turn conversation with the endpoint in {@code LLM_BASE_URL}, printing each reply.
     * Environment: {@code LLM_BASE_URL} (default {@code http://localhost:11434/v1}),
     * {@code LLM_API_KEY} (default {@code no-key-required}), {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     * @throws IOException if a request fails; see {@link #run}
     */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(baseUrl, apiKey, model, reply -> System.out.println("assistant: " + reply));
    }

    /**
     * Sends "Hi! My name is Alice.", then "What is my name?", keeping the history: the first
     * question and answer are sent again with the second question. Two requests in all.
     *
     * @param baseUrl the OpenAI-compatible base URL, with {@code /v1} (e.g. {@code http://localhost:11434/v1})
     * @param apiKey  sent as {@code Authorization: Bearer <apiKey>}; local servers ignore it, but send one
     * @param model   the chat model, e.g. {@code qwen3:0.6b}
     * @param onReply called on this thread with each assistant reply as soon as it arrives
     * @return the two assistant replies, in order
     * @throws IOException if the server cannot be reached, a read waits over 120 s, a status is not
     *                     2xx (status and body in the message), or an answer has no text
     */
    public static List<String> run(String baseUrl, String apiKey, String model, Consumer<String> onReply)
            throws IOException {
        ArrayNode messages = MAPPER.createArrayNode();
        List<String> replies = new ArrayList<>();
        for (String userText : USER_TURNS) {
            messages.addObject().put("role", "user").put("content", userText);
            String reply = complete(baseUrl, apiKey, model, messages);
            messages.addObject().put("role", "assistant").put("content", reply); // the model's memory
            onReply.accept(reply);
            replies.add(reply);
        }
        return replies;
    }

    /** One non-streaming request with the whole history; returns {@code choices[0].message.content}. */
    private static String complete(String baseUrl, String apiKey, String model, ArrayNode messages)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        body.put("stream", false);
        body.set("messages", messages);

        Request request = new Request.Builder()
                .url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON))
                .build();

        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
            }
            JsonNode content = MAPPER.readTree(text).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new IOException("no choices[0].message.content in: " + text);
            }
            return content.asText();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
