package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;

/**
 * Non-streaming chat on Ollama's native {@code POST {rootUrl}/api/chat} with {@code "stream": false}: one JSON
 * object, the answer in {@code message.content} ({@code core/src/test/resources/reference/ollama-wire.md} 7.2).
 */
public final class OllamaNonStreamingChat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Asks the Ollama at {@code LLM_BASE_URL} (without {@code /v1}) and {@code LLM_MODEL} one question. */
    public static void main(String[] args) throws IOException {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(rootUrl, model, "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message to {@code rootUrl} (e.g. {@code http://localhost:11434}) and
     * returns {@code message.content} ({@code message.thinking}, if any, not included).
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not 2xx
     *                     (status and body in the message; an unknown model is 404), or the answer has no text
     */
    public static String run(String rootUrl, String model, String prompt) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", false); // the default is true
        body.putObject("options").put("num_predict", 512); // max_tokens: bounds the answer
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        Request request = new Request.Builder().url(rootUrl + "/api/chat") // no Authorization: Ollama ignores it
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
            }
            JsonNode content = MAPPER.readTree(text).path("message").path("content");
            if (!content.isTextual()) {
                throw new IOException("no message.content in: " + text);
            }
            return content.asText();
        }
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
