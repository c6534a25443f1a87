package dev.switchboard.workshop.lessons.lesson02;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.workshop.lessons.Gap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * LESSON 2 — YOUR FILE. Streaming chat over raw HTTP: OkHttp sends the request, and you read the
 * Server-Sent Events it answers. Replace each {@code throw new Gap(...)} with code; then run
 * {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=2}.
 * The wire you are reading: workshop/lessons/02-raw-http.md.
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
        // TODO 1: build the body with MAPPER.createObjectNode(), put(...) and putArray("messages").addObject()
        throw new Gap("build the request body in requestBody(): model, \"stream\": true, and messages with one"
                + " user message holding the prompt");
    }

    /** Throws when the status is not 2xx, with the status and the server's body in the message. */
    static void failUnlessSuccessful(Request request, Response response) throws IOException {
        // TODO 2: response.isSuccessful(), response.code(), response.body().string()
        throw new Gap("in failUnlessSuccessful(): if the status is not 2xx, throw an IOException whose message"
                + " holds the status and the body; else return");
    }

    /**
     * Handles one line of the event stream.
     *
     * @return true at {@code data: [DONE]} (after calling {@code listener.done()}), false to read on
     */
    static boolean handleLine(String line, StringBuilder answer, Listener listener) throws IOException {
        // TODO 3: skip lines that do not start with "data:" (blank lines, ": comments", event:, id:);
        //         strip "data:" and trim; at "[DONE]" call listener.done() and return true;
        //         else parse the JSON (MAPPER.readTree), throw an IOException if it has "error",
        //         take choices[0].delta.content and, when it is non-empty text, append it to answer
        //         and give it to listener.token(...)
        throw new Gap("read each data: line in handleLine(): skip comments and blank lines, stop at [DONE]"
                + " (listener.done()), give choices[0].delta.content to listener.token()");
    }
}
