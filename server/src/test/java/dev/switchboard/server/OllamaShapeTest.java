package dev.switchboard.server;

import static dev.switchboard.server.OpenAiShapeTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.server.engine.ScriptedEngine;

/**
 * Ollama's native {@code /api} answers compared, structure not values, with the payloads recorded
 * in {@code core/src/test/resources/reference/ollama-wire.md} (copied to
 * {@code src/test/resources/transcripts/}).
 */
@Timeout(30)
class OllamaShapeTest {

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";

    private static SwitchboardServer server;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.start(new ScriptedEngine());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void chatStreamsNdjsonByDefaultEndingWithTheDoneLine() {
        JsonNode referenceLine = Http.json(Http.resource("ollama-chat-line.json"));
        JsonNode referenceFinal = Http.json(Http.resource("ollama-chat-final-line.json"));
        HttpResponse<String> response = Http.post(server, "/api/chat",
                "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}");
        List<JsonNode> lines = Http.ndjson(response.body());

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.body()).endsWith("}\n").doesNotContain("\n\n");
        assertThat(lines).hasSize(5);
        for (JsonNode line : lines.subList(0, 4)) {
            assertThat(keys(line)).isEqualTo(keys(referenceLine));
            assertThat(keys(line.path("message"))).isEqualTo(keys(referenceLine.path("message")));
            assertThat(line.path("done").asBoolean()).isFalse();
        }
        JsonNode last = lines.get(4);
        assertThat(keys(last)).isEqualTo(keys(referenceFinal));
        assertThat(keys(last.path("message"))).isEqualTo(keys(referenceFinal.path("message")));
        assertThat(last.path("done").asBoolean()).isTrue();
        assertThat(last.path("done_reason").asText()).isEqualTo("stop");
        assertThat(last.path("prompt_eval_count").asInt()).isEqualTo(2);
        assertThat(last.path("eval_count").asInt()).isEqualTo(4);
        assertThat(last.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.path("message").path("content").asText()));
        assertThat(text.toString()).isEqualTo("You said: hi there");
    }

    @Test
    void streamFalseGivesOneJsonBodyWithEverything() {
        JsonNode referenceFinal = Http.json(Http.resource("ollama-chat-final-line.json"));
        HttpResponse<String> response = Http.post(server, "/api/chat", "{\"model\":\"scripted\",\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}");
        JsonNode body = Http.json(response.body());

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(keys(body)).isEqualTo(keys(referenceFinal));
        assertThat(body.path("message").path("content").asText()).isEqualTo("You said: hi there");
        assertThat(body.path("done").asBoolean()).isTrue();
    }

    @Test
    void nonStreamingDurationsSplitAtTheFirstEvent() {
        try (SwitchboardServer slow = SwitchboardServer.start(new ScriptedEngine(1, java.time.Duration.ofMillis(20)))) {
            JsonNode body = Http.json(Http.post(slow, "/api/chat", "{\"model\":\"scripted\",\"stream\":false,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three\"}]}").body());

            long total = body.path("total_duration").asLong();
            long promptEval = body.path("prompt_eval_duration").asLong();
            long eval = body.path("eval_duration").asLong();
            // 5 words, at least 20 ms before each: the first event after 20 ms or more, the other four at
            // least 80 ms later. Only these lower bounds hold on a busy machine, where any step may take longer.
            assertThat(promptEval).as("prompt_eval_duration (ns)").isGreaterThanOrEqualTo(20_000_000L);
            assertThat(eval).as("eval_duration (ns)").isGreaterThanOrEqualTo(80_000_000L);
            assertThat(promptEval + eval).isLessThanOrEqualTo(total);
        }
    }

    @Test
    void toolCallsArriveWholeWithObjectArguments() {
        JsonNode reference = Http.json(Http.resource("ollama-chat-tool-line.json"));
        List<JsonNode> lines = Http.ndjson(Http.post(server, "/api/chat", "{\"model\":\"scripted\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"weather in Tokyo?\"}]," + TOOLS + "}").body());

        JsonNode call = lines.get(0).path("message").path("tool_calls").get(0);
        JsonNode referenceCall = reference.path("message").path("tool_calls").get(0);
        assertThat(keys(lines.get(0))).isEqualTo(keys(reference));
        assertThat(keys(lines.get(0).path("message"))).isEqualTo(keys(reference.path("message")));
        assertThat(keys(call)).isEqualTo(keys(referenceCall));
        assertThat(keys(call.path("function"))).isEqualTo(keys(referenceCall.path("function")));
        assertThat(call.path("function").path("arguments")).isEqualTo(Http.json("{\"city\":\"Tokyo\"}"));
        assertThat(lines.get(lines.size() - 1).path("done_reason").asText()).isEqualTo("stop");
    }

    @Test
    void streamedToolCallsCountTheirIndexOverTheAnswerAsOllamaDoes() {
        // ollama-wire.md, streamed tool calls: index counts 0, 1, ... per call within the response.
        List<JsonNode> lines = Http.ndjson(Http.post(server, "/api/chat", "{\"model\":\"scripted\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"weather in Paris and Tokyo?\"}]," + TOOLS + "}").body());
        List<Integer> indexes = new java.util.ArrayList<>();
        List<String> cities = new java.util.ArrayList<>();
        for (JsonNode line : lines) {
            for (JsonNode call : line.path("message").path("tool_calls")) {
                indexes.add(call.path("function").path("index").intValue());
                cities.add(call.path("function").path("arguments").path("city").asText());
            }
        }

        assertThat(cities).containsExactly("Paris", "Tokyo");
        assertThat(indexes).containsExactly(0, 1);
    }

    @Test
    void reasoningIsThinking() {
        List<JsonNode> lines = Http.ndjson(Http.post(server, "/api/chat", "{\"model\":\"scripted-reasoning\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}").body());

        StringBuilder thinking = new StringBuilder();
        lines.forEach(l -> thinking.append(l.path("message").path("thinking").asText("")));
        assertThat(thinking.toString()).isEqualTo("The user wrote 2 words. I will answer.");
        assertThat(lines.get(0).path("message").path("content").asText()).isEmpty();
    }

    @Test
    void generateWritesTheTextAsResponse() {
        JsonNode referenceFinal = Http.json(Http.resource("ollama-generate-final-line.json"));
        List<JsonNode> lines = Http.ndjson(Http.post(server, "/api/generate", "{\"model\":\"scripted\",\"prompt\":\"hi there\"}").body());

        assertThat(keys(lines.get(0))).containsExactlyInAnyOrder("model", "created_at", "response", "done");
        Set<String> finalKeys = keys(referenceFinal);
        finalKeys.remove("context"); // the deprecated token context is not kept
        assertThat(keys(lines.get(lines.size() - 1))).isEqualTo(finalKeys);
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.path("response").asText()));
        assertThat(text.toString()).isEqualTo("You said: hi there");
    }

    @Test
    void embedAnswersVectorsInOrder() {
        JsonNode reference = Http.json(Http.resource("ollama-embed.json"));
        JsonNode ours = Http.json(Http.post(server, "/api/embed", "{\"model\":\"scripted-embed\",\"input\":[\"a cat\",\"a dog\"]}").body());

        assertThat(reference.fieldNames()).toIterable().containsAll(keys(ours));
        assertThat(keys(ours)).contains("model", "embeddings", "prompt_eval_count");
        assertThat(ours.path("embeddings")).hasSize(2);
        assertThat(ours.path("embeddings").get(0)).hasSize(ScriptedEngine.EMBEDDING_DIMENSION);
    }

    @Test
    void tagsListTheModelsInOllamasShape() {
        JsonNode reference = Http.json(Http.resource("ollama-tags.json"));
        JsonNode ours = Http.json(Http.get(server, "/api/tags").body());

        assertThat(keys(ours)).isEqualTo(keys(reference));
        assertThat(keys(ours.path("models").get(0))).isEqualTo(keys(reference.path("models").get(0)));
        assertThat(ours.path("models").findValuesAsText("name")).contains("scripted", "scripted-embed");
    }

    @Test
    void errorsUseTheOneStringEnvelope() {
        JsonNode reference = Http.json(Http.resource("ollama-error.json"));
        HttpResponse<String> response = Http.post(server, "/api/chat",
                "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(keys(Http.json(response.body()))).isEqualTo(keys(reference));
        assertThat(Http.json(response.body()).path("error").asText()).isEqualTo("model 'nope' not found");
    }

    @Test
    void rootSaysOllamaIsRunning() {
        HttpResponse<String> response = Http.get(server, "/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Ollama is running");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }
}
