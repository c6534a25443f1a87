package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Scenario 1, non-streaming chat: one question, one whole answer, with OkHttp and Jackson only.
 *
 * <p>Sends {@code POST {baseUrl}/chat/completions} with {@code "stream": false} and reads
 * {@code choices[0].message.content} from the single JSON object that comes back (OpenAI Chat
 * Completions; Ollama and llama-server send the same shape, see
 * {@code shared/reference/ollama-wire.md} section 3.3 and
 * {@code shared/reference/llama-server-transcripts/04-chat-nonstream.txt}).
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class NonStreamingChat {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One client for the whole program: it owns a connection pool and its threads. The read timeout
     * is the longest wait for the next bytes (per read, not for the whole call): a local model may be
     * loaded, or think, for a long time before its first byte. There is no whole-call timeout.
     */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private NonStreamingChat() {
    }

    /**
     * Asks one question of the endpoint in {@code LLM_BASE_URL} and prints the answer.
     * Environment: {@code LLM_BASE_URL} (default {@code http://localhost:11434/v1}),
     * {@code LLM_API_KEY} (default {@code no-key-required}), {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     * @throws IOException if the request fails; see {@link #run}
     */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(baseUrl, apiKey, model, "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message and returns the whole answer.
     *
     * @param baseUrl the OpenAI-compatible base URL, with {@code /v1} (e.g. {@code http://localhost:11434/v1})
     * @param apiKey  sent as {@code Authorization: Bearer <apiKey>}; local servers ignore it, but send one
     * @param model   the chat model, e.g. {@code qwen3:0.6b}
     * @param prompt  the user's message
     * @return {@code choices[0].message.content}; reasoning, if the model sends any, is not included
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not
     *                     2xx (the message holds the status and the body), or the answer has no text
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt) throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        body.put("stream", false);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);

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
