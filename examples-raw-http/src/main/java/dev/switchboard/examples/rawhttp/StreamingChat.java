package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;
import okio.BufferedSource;

/**
 * Streaming chat: {@code POST {baseUrl}/chat/completions} with {@code "stream": true}, read as Server-Sent
 * Events line by line: each {@code data: {json}} line is a chunk whose {@code choices[0].delta.content}
 * is the next piece of text, until {@code data: [DONE]} (OpenAI Chat Completions; Ollama and llama-server
 * alike: {@code core/src/test/resources/reference/ollama-wire.md} section 3.4,
 * {@code core/src/test/resources/reference/llama-server-transcripts/05-chat-stream.txt}).
 */
public final class StreamingChat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** One client per program; the read timeout is the longest silence between two reads, not the whole call. */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Streams an answer from {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL} to standard output. */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        Consumer<String> print = token -> { System.out.print(token); System.out.flush(); };
        run(baseUrl, apiKey, model, "Count from one to ten in words.", print);
        System.out.println();
    }

    /**
     * Sends {@code prompt} as one user message to {@code baseUrl} (with {@code /v1}) as {@code model},
     * with {@code Authorization: Bearer <apiKey>}, and streams the answer: {@code onToken} gets each
     * non-empty {@code delta.content} on this thread, in order, as it arrives (reasoning is skipped).
     * @return the whole answer: every piece given to {@code onToken}, joined
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not
     *                     2xx (status and body in the message), an event is an error or not JSON, or
     *                     the stream ends without {@code data: [DONE]}
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt, Consumer<String> onToken)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", true)
                .put("max_tokens", 512); // bounds the answer: a model that does not stop cannot fill the context
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json")))
                .build();
        try (Response response = HTTP.newCall(request).execute()) { // closing it releases the connection
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": "
                        + response.body().string());
            }
            BufferedSource source = response.body().source();
            StringBuilder answer = new StringBuilder();
            String line;
            while ((line = source.readUtf8Line()) != null) { // null: the server closed the stream
                if (!line.startsWith("data:")) {
                    continue; // blank lines end events, ":" starts a comment (keep-alive), event:/id: unused
                }
                String data = line.substring("data:".length()).trim(); // "data:{..}" and "data: {..}"
                if (data.equals("[DONE]")) {
                    return answer.toString();
                }
                JsonNode chunk = MAPPER.readTree(data);
                if (chunk.has("error")) {
                    throw new IOException("error event in the stream: " + data);
                }
                // null in llama-server's first chunk, "" beside Ollama's reasoning, absent at the end: no token
                JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                if (content.isTextual() && !content.asText().isEmpty()) {
                    onToken.accept(content.asText());
                    answer.append(content.asText());
                }
            }
            throw new IOException("the stream ended without data: [DONE] after: " + answer);
        }
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
