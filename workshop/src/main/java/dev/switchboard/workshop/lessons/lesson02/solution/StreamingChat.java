package dev.switchboard.workshop.lessons.lesson02.solution;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.workshop.lessons.lesson02.ChatStreamer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Lesson 2's reference solution: the starter with its three gaps filled. It mirrors
 * {@code examples-raw-http/src/main/java/dev/switchboard/examples/rawhttp/StreamingChat.java}.
 */
public final class StreamingChat implements ChatStreamer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");
    /** One client per program; the read timeout is the longest silence between two reads. */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    @Override
    public String stream(String baseUrl, String apiKey, String model, String prompt, Listener listener)
            throws IOException {
        Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(MAPPER.writeValueAsString(requestBody(model, prompt)), JSON))
                .build();
        try (Response response = HTTP.newCall(request).execute()) { // closing it releases the connection
            failUnlessSuccessful(request, response);
            BufferedSource source = response.body().source();
            StringBuilder answer = new StringBuilder();
            String line;
            while ((line = source.readUtf8Line()) != null) { // null: the server closed the stream
                if (handleLine(line, answer, listener)) {
                    return answer.toString();
                }
            }
            throw new IOException("the stream ended without data: [DONE] after: " + answer);
        }
    }

    /** The JSON body: {"model": ..., "stream": true, "messages": [{"role": "user", "content": prompt}]}. */
    static ObjectNode requestBody(String model, String prompt) {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", true);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return body;
    }

    /** Throws when the status is not 2xx, with the status and the server's body in the message. */
    static void failUnlessSuccessful(Request request, Response response) throws IOException {
        if (!response.isSuccessful()) {
            throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": "
                    + response.body().string());
        }
    }

    /**
     * Handles one line of the event stream.
     *
     * @return true at {@code data: [DONE]} (after calling {@code listener.done()}), false to read on
     */
    static boolean handleLine(String line, StringBuilder answer, Listener listener) throws IOException {
        if (!line.startsWith("data:")) {
            return false; // blank lines end events, ":" starts a comment (keep-alive), event:/id: unused
        }
        String data = line.substring("data:".length()).trim(); // "data:{..}" and "data: {..}"
        if (data.equals("[DONE]")) {
            listener.done();
            return true;
        }
        JsonNode chunk = MAPPER.readTree(data);
        if (chunk.has("error")) {
            throw new IOException("error event in the stream: " + data);
        }
        // null in llama-server's first chunk, "" beside Ollama's reasoning, absent at the end: no token
        JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
        if (content.isTextual() && !content.asText().isEmpty()) {
            answer.append(content.asText());
            listener.token(content.asText());
        }
        return false;
    }
}
