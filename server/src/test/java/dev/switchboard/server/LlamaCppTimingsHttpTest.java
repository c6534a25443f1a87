package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.server.engine.LlamaCppEngine;

/**
 * The llama.cpp engine sends llama-server's {@code timings} where llama-server puts them: at the top
 * of a non-streaming body ({@code llama-server-transcripts/04-chat-nonstream.txt}), on a stream's
 * finish chunk ({@code 11-tools-required-stream.txt}), or, with {@code include_usage}, on the usage
 * chunk instead ({@code 06-chat-stream-usage.txt}).
 */
@Timeout(120)
class LlamaCppTimingsHttpTest {

    static LlamaCppEngine engine;
    static SwitchboardServer server;

    @BeforeAll
    static void start() {
        engine = LlamaModels.builder().build();
        server = SwitchboardServer.start(engine);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String chat(String extra) {
        return "{\"model\":\"" + engine.modelName() + "\",\"max_tokens\":6,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Tell me a story.\"}]" + extra + "}";
    }

    private static List<JsonNode> stream(String body) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.openAiBaseUrl() + "/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofLines());
        return response.body().filter(line -> line.startsWith("data: {")).map(line -> Http.json(line.substring(6)))
                .toList();
    }

    @Test
    void aNonStreamingAnswerHasTimingsThatCountItsTokens() {
        JsonNode body = Http.json(Http.post(server, "/v1/chat/completions", chat("")).body());

        JsonNode timings = body.path("timings");
        assertThat(timings.path("predicted_n").asInt()).isEqualTo(body.path("usage").path("completion_tokens").asInt());
        assertThat(timings.path("prompt_n").asInt()).isEqualTo(body.path("usage").path("prompt_tokens").asInt());
        assertThat(timings.path("predicted_ms").asDouble()).isPositive();
        assertThat(timings.path("predicted_per_second").asDouble()).isPositive();
    }

    @Test
    void aStreamCarriesTimingsOnItsFinishChunk() throws Exception {
        List<JsonNode> chunks = stream(chat(",\"stream\":true"));

        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(last.path("timings").path("predicted_n").asInt()).isEqualTo(6);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.has("timings")).isFalse());
    }

    @Test
    void withIncludeUsageTheTimingsMoveToTheUsageChunk() throws Exception {
        List<JsonNode> chunks = stream(chat(",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

        JsonNode last = chunks.get(chunks.size() - 1);
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(last.path("choices").size()).isZero();
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(6);
        assertThat(last.path("timings").path("predicted_n").asInt()).isEqualTo(6);
        assertThat(finish.has("timings")).isFalse();
    }
}
