package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Streaming chat over Ollama's native API: newline-delimited JSON instead of Server-Sent Events.
 *
 * <p>Sends {@code POST {rootUrl}/api/chat} with {@code "stream": true} (the native default). The body
 * is {@code application/x-ndjson}: one JSON object per line, no blank lines, no {@code data:}
 * prefix. Each line's {@code message.content} is the next piece of text; the last line has
 * {@code "done": true} (with {@code done_reason} and timings in nanoseconds). An error after the
 * stream has begun arrives, still under status 200, as one more line {@code {"error": "..."}}. (Ollama
 * {@code /api/chat}, see {@code shared/reference/ollama-wire.md} sections 1, 2.1 and 7.2.) A thinking
 * model's {@code message.thinking} is skipped.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class OllamaStreamingChat {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One client for the whole program. The read timeout is the longest silence between two reads
     * (per read, not for the whole call), so a long answer may stream for minutes; 120 s leaves room
     * for Ollama to load the model before its first token.
     */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private OllamaStreamingChat() {
    }

    /**
     * Streams an answer from the Ollama in {@code LLM_BASE_URL} to standard output. Environment:
     * {@code LLM_BASE_URL} (default {@code http://localhost:11434/v1}; a trailing {@code /v1} is
     * removed to get Ollama's root URL), {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     * @throws IOException if the request or the stream fails; see {@link #run}
     */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String rootUrl = baseUrl.replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(rootUrl, model, "Count from one to ten in words.", token -> {
            System.out.print(token);
            System.out.flush();
        });
        System.out.println();
    }

    /**
     * Sends {@code prompt} as one user message and streams the answer.
     *
     * @param rootUrl Ollama's root URL, without {@code /v1} or {@code /api} (e.g. {@code http://localhost:11434})
     * @param model   the chat model, e.g. {@code qwen3:0.6b}
     * @param prompt  the user's message
     * @param onToken called on this thread with each non-empty {@code message.content}, in order, as it arrives
     * @return the whole answer: every piece given to {@code onToken}, joined
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not
     *                     2xx (status and body in the message; an unknown model is 404), a line is an
     *                     error (the line in the message) or not JSON, or the stream ends before a
     *                     {@code "done": true} line
     */
    public static String run(String rootUrl, String model, String prompt, Consumer<String> onToken)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        body.put("stream", true);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);

        // No Authorization header: a local Ollama never reads it (ollama-wire.md section 1).
        Request request = new Request.Builder()
                .url(rootUrl + "/api/chat")
                .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON))
                .build();

        try (Response response = HTTP.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": "
                        + response.body().string());
            }
            BufferedSource source = response.body().source();
            StringBuilder answer = new StringBuilder();
            String line;
            while ((line = source.readUtf8Line()) != null) { // null: the server closed the stream
                if (line.isBlank()) {
                    continue;
                }
                JsonNode chunk = MAPPER.readTree(line);
                if (chunk.has("error")) {
                    throw new IOException("error line in the stream: " + line);
                }
                String content = chunk.path("message").path("content").asText("");
                if (!content.isEmpty()) {
                    onToken.accept(content);
                    answer.append(content);
                }
                if (chunk.path("done").asBoolean(false)) {
                    return answer.toString();
                }
            }
            throw new IOException("the stream ended without a \"done\": true line after " + answer.length()
                    + " characters: " + answer);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
