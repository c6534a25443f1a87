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
 * Scenario 2, streaming chat: the answer arrives piece by piece as Server-Sent Events, read line by
 * line with OkHttp's {@link BufferedSource#readUtf8Line()}.
 *
 * <p>Sends {@code POST {baseUrl}/chat/completions} with {@code "stream": true}. The body is
 * {@code text/event-stream}: events {@code data: {json}} separated by blank lines, each JSON a
 * {@code chat.completion.chunk} whose {@code choices[0].delta.content} is the next piece of text,
 * ending with {@code data: [DONE]} (OpenAI Chat Completions; Ollama and llama-server send the same,
 * see {@code shared/reference/ollama-wire.md} section 3.4 and
 * {@code shared/reference/llama-server-transcripts/05-chat-stream.txt}). What real servers differ in,
 * and what this reader therefore accepts:
 * <ul>
 *   <li>{@code data:} with or without a space after the colon (both are SSE);</li>
 *   <li>blank lines, and comment lines starting with {@code :} (keep-alives), are skipped;</li>
 *   <li>{@code delta.content} is {@code null} in llama-server's first chunk, {@code ""} in Ollama's
 *       reasoning and tool-call chunks, and absent in the finish and usage chunks: none of them is a
 *       token;</li>
 *   <li>an error after the stream has begun comes as {@code data: {"error": ...}}, and is thrown;</li>
 *   <li>a stream cut short ends without {@code data: [DONE]}; Ollama's {@code /v1} does this on a
 *       mid-stream error (ollama-wire.md 2.2), so the missing marker is an error too.</li>
 * </ul>
 * Each {@code data:} line is read as one whole event: these servers never split an event over two
 * {@code data:} lines. Reasoning ({@code delta.reasoning} or {@code delta.reasoning_content}) is skipped.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class StreamingChat {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One client for the whole program. The read timeout is the longest silence between two reads
     * (per read, not for the whole call), so a long answer may stream for minutes; 120 s leaves room
     * for a local model to load before its first token.
     */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private StreamingChat() {
    }

    /**
     * Streams an answer from the endpoint in {@code LLM_BASE_URL} to standard output as it arrives.
     * Environment: {@code LLM_BASE_URL} (default {@code http://localhost:11434/v1}),
     * {@code LLM_API_KEY} (default {@code no-key-required}), {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     * @throws IOException if the request or the stream fails; see {@link #run}
     */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(baseUrl, apiKey, model, "Count from one to ten in words.", token -> {
            System.out.print(token);
            System.out.flush();
        });
        System.out.println();
    }

    /**
     * Sends {@code prompt} as one user message and streams the answer.
     *
     * @param baseUrl the OpenAI-compatible base URL, with {@code /v1} (e.g. {@code http://localhost:11434/v1})
     * @param apiKey  sent as {@code Authorization: Bearer <apiKey>}; local servers ignore it, but send one
     * @param model   the chat model, e.g. {@code qwen3:0.6b}
     * @param prompt  the user's message
     * @param onToken called on this thread with each non-empty {@code delta.content}, in order, as it arrives
     * @return the whole answer: every piece given to {@code onToken}, joined
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not
     *                     2xx (status and body in the message), an event is an error (the event's
     *                     payload in the message) or not JSON, or the stream ends without {@code [DONE]}
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt, Consumer<String> onToken)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        body.put("stream", true);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);

        Request request = new Request.Builder()
                .url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON))
                .build();

        // try-with-resources: closing the response, also early, releases the connection.
        try (Response response = HTTP.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": "
                        + response.body().string());
            }
            BufferedSource source = response.body().source();
            StringBuilder answer = new StringBuilder();
            String line;
            while ((line = source.readUtf8Line()) != null) { // null: the server closed the stream
                if (!line.startsWith("data:")) {
                    continue; // a blank line ends an event; ":" starts a comment; event:/id: carry nothing here
                }
                String data = line.substring("data:".length());
                if (data.startsWith(" ")) {
                    data = data.substring(1);
                }
                if (data.equals("[DONE]")) {
                    return answer.toString();
                }
                JsonNode chunk = MAPPER.readTree(data);
                if (chunk.has("error")) {
                    throw new IOException("error event in the stream: " + data);
                }
                JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                if (content.isTextual() && !content.asText().isEmpty()) {
                    onToken.accept(content.asText());
                    answer.append(content.asText());
                }
            }
            throw new IOException("the stream ended without data: [DONE] after " + answer.length()
                    + " characters: " + answer);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
