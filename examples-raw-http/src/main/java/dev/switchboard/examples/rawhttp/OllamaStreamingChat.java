package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;
import okio.BufferedSource;

/**
 * Streaming chat on Ollama's native {@code POST {rootUrl}/api/chat}: newline-delimited JSON, one object per
 * line, each with the next piece of text in {@code message.content}, until a line with {@code "done": true}.
 * An error after the stream began is one more line, {@code {"error": "..."}}, still under status 200
 * ({@code core/src/test/resources/reference/ollama-wire.md} sections 2.1 and 7.2).
 */
public final class OllamaStreamingChat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Streams an answer from the Ollama at {@code LLM_BASE_URL} (without {@code /v1}) and {@code LLM_MODEL}. */
    public static void main(String[] args) throws IOException {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        Consumer<String> print = token -> { System.out.print(token); System.out.flush(); };
        run(rootUrl, model, "Count from one to ten in words.", print);
        System.out.println();
    }

    /**
     * Sends {@code prompt} as one user message to {@code rootUrl} (e.g. {@code http://localhost:11434}) and
     * streams the answer: {@code onToken} gets each non-empty {@code message.content} on this thread, in order,
     * as it arrives ({@code message.thinking} is skipped). Returns the pieces joined.
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not 2xx
     *                     (status and body in the message; an unknown model is 404), a line is an error or
     *                     not JSON, or the stream ends before a {@code "done": true} line
     */
    public static String run(String rootUrl, String model, String prompt, Consumer<String> onToken) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", true); // true is the default
        body.putObject("options").put("num_predict", 512); // max_tokens: bounds the answer
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        Request request = new Request.Builder().url(rootUrl + "/api/chat") // no Authorization: Ollama ignores it
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json"))).build();
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
            throw new IOException("the stream ended without a \"done\": true line after: " + answer);
        }
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
