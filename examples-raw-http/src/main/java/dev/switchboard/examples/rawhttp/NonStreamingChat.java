package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;

/**
 * Non-streaming chat: {@code POST {baseUrl}/chat/completions}, the whole answer in one JSON object (OpenAI
 * Chat Completions; Ollama and llama-server alike: {@code core/src/test/resources/reference/ollama-wire.md}
 * section 3.3, {@code core/src/test/resources/reference/llama-server-transcripts/04-chat-nonstream.txt}).
 */
public final class NonStreamingChat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Asks {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL} one question and prints the answer. */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(baseUrl, apiKey, model, "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message to {@code baseUrl} (with {@code /v1}) as {@code model}, with
     * {@code Authorization: Bearer <apiKey>}, and returns {@code choices[0].message.content}.
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not 2xx
     *                     (status and body in the message), or the answer has no text
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", false)
                .put("max_tokens", 512); // bounds the answer: a model that does not stop cannot fill the context
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json"))).build();
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

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
