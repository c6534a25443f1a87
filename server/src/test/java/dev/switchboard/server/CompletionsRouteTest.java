package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.server.engine.ScriptedEngine;

/**
 * {@code POST /v1/completions} on the scripted engine: llama-server's shapes (the recorded
 * {@code 07-completions.txt} and {@code 08-completions-stream.txt}, without its extras
 * {@code system_fingerprint} and {@code timings}), usage where OpenAI puts it, and 400 in the
 * {@code /v1} envelope for bad bodies.
 */
class CompletionsRouteTest {

    private static SwitchboardServer server;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.start(new ScriptedEngine());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!key.equals("system_fingerprint") && !key.equals("timings")) {
                out.add(key);
            }
        }
        return out;
    }

    @Test
    void nonStreamingAnswerHasTheRecordedShape() {
        HttpResponse<String> response = Http.post(server, "/v1/completions",
                "{\"model\":\"scripted\",\"prompt\":\"hello world\"}");
        JsonNode body = Http.json(response.body());
        JsonNode recorded = Http.json(Http.Transcript.load("07-completions.txt").body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(keys(body)).isEqualTo(keys(recorded));
        assertThat(keys(body.path("choices").path(0))).isEqualTo(keys(recorded.path("choices").path(0)));
        assertThat(body.path("object").asText()).isEqualTo("text_completion");
        assertThat(body.path("choices").path(0).path("text").asText()).isEqualTo("You said: hello world");
        assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(6);
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
    }

    @Test
    void streamHasTheRecordedChunkShapeEndsWithAnEmptyFinishChunkAndDone() {
        HttpResponse<String> response = Http.post(server, "/v1/completions",
                "{\"prompt\":\"hello world\",\"stream\":true}");
        List<JsonNode> chunks = Http.sseChunks(response.body());
        List<JsonNode> recorded = Http.sseChunks(Http.Transcript.load("08-completions-stream.txt").body());

        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(Http.sseData(response.body())).last().isEqualTo("[DONE]");
        assertThat(keys(chunks.get(0))).isEqualTo(keys(recorded.get(0)));
        assertThat(keys(chunks.get(0).path("choices").path(0))).isEqualTo(keys(recorded.get(0).path("choices").path(0)));
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("text").asText()));
        assertThat(text).hasToString("You said: hello world");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").path(0).path("text").asText()).isEmpty();
        assertThat(last.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("choices").path(0).has("delta")).isFalse());
        assertThat(chunks).as("no usage without include_usage").allSatisfy(c -> assertThat(c.has("usage")).isFalse());
    }

    @Test
    void includeUsageAddsAChunkWithEmptyChoicesBeforeDone() {
        HttpResponse<String> response = Http.post(server, "/v1/completions",
                "{\"prompt\":\"hello world\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        List<JsonNode> chunks = Http.sseChunks(response.body());
        JsonNode last = chunks.get(chunks.size() - 1);

        assertThat(last.path("choices").isArray()).isTrue();
        assertThat(last.path("choices")).isEmpty();
        assertThat(last.path("usage").path("prompt_tokens").asInt()).isEqualTo(2);
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void badBodiesAre400InTheV1Envelope() {
        String[][] cases = {
                {"{\"model\":\"scripted\"}", "'prompt' is required"},
                {"{\"prompt\":[\"a\",\"b\"]}", "'prompt' must be a string, was an array"},
                {"{\"prompt\":\"x\",\"max_tokens\":\"ten\"}", "'max_tokens' must be an integer, was a string"},
                {"{\"prompt\":\"x\",\"temperature\":3}", "'temperature' must be between 0 and 2"},
                {"{not json", "request body is not valid JSON"},
                {"", "request body is empty"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = Http.post(server, "/v1/completions", c[0]);
            JsonNode error = Http.json(response.body()).path("error");

            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(error.path("type").asText()).as(c[0]).isEqualTo("invalid_request_error");
            assertThat(error.path("code").asInt()).as(c[0]).isEqualTo(400);
            assertThat(error.path("message").asText()).as(c[0]).contains(c[1]);
        }
    }

    @Test
    void getIs405WithAllowPost() {
        HttpResponse<String> response = Http.get(server, "/v1/completions");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }
}
