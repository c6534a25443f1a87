package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;

/**
 * A completion from a prompt, not a conversation, on Ollama's native {@code POST {rootUrl}/api/generate} with
 * {@code "stream": false}: the text in {@code response} ({@code core/src/test/resources/reference/ollama-wire.md} 8).
 */
public final class OllamaGenerate {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Completes one prompt with the Ollama at {@code LLM_BASE_URL} (without {@code /v1}) and {@code LLM_MODEL}. */
    public static void main(String[] args) throws IOException {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(rootUrl, model, "Write a haiku about the sea."));
    }

    /**
     * Sends {@code prompt} (the model's template still applies) to {@code rootUrl} (e.g.
     * {@code http://localhost:11434}) and returns {@code response} ({@code thinking}, if any, not included).
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not 2xx
     *                     (status and body in the message; an unknown model is 404), or there is no text
     */
    public static String run(String rootUrl, String model, String prompt) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("prompt", prompt).put("stream", false);
        body.putObject("options").put("num_predict", 512); // max_tokens: bounds the answer
        Request request = new Request.Builder().url(rootUrl + "/api/generate") // no Authorization: Ollama ignores it
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
            }
            JsonNode answer = MAPPER.readTree(text).path("response");
            if (!answer.isTextual()) {
                throw new IOException("no response in: " + text);
            }
            return answer.asText();
        }
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
