package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.server.engine.ScriptedEngine;

/**
 * {@code /v1} answers compared, structure not values, with what a real llama-server sent
 * ({@code src/test/resources/transcripts/NN-*.txt}): field names, chunk order, where
 * {@code finish_reason} and {@code usage} go, error envelopes and statuses. llama-server's own
 * extras ({@code system_fingerprint}, {@code timings}, {@code prompt_tokens_details}) are not sent.
 */
@Timeout(30)
class OpenAiShapeTest {

    private static final Set<String> LLAMA_EXTRAS = Set.of("system_fingerprint", "timings", "prompt_tokens_details");
    private static final String HELLO = "\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
            + "{\"role\":\"user\",\"content\":\"Say hello in five words.\"}]";
    private static final String WEATHER_TOOL = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
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

    static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!LLAMA_EXTRAS.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    @Test
    void aStreamHasTheRecordedChunkSequence() {
        List<JsonNode> reference = Http.sseChunks(Http.Transcript.load("05-chat-stream.txt").body());
        HttpResponse<String> response = Http.post(server, "/v1/chat/completions", "{\"model\":\"scripted\",\"stream\":true," + HELLO + "}");
        List<JsonNode> ours = Http.sseChunks(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        assertThat(ours.get(0).path("choices").get(0).path("delta")).isEqualTo(reference.get(0).path("choices").get(0).path("delta"));
        for (int i = 1; i < ours.size() - 1; i++) {
            assertThat(keys(ours.get(i).path("choices").get(0).path("delta"))).containsExactly("content");
            assertThat(ours.get(i).path("choices").get(0).path("finish_reason").isNull()).isTrue();
        }
        JsonNode finish = ours.get(ours.size() - 1).path("choices").get(0);
        JsonNode referenceFinish = reference.get(reference.size() - 1).path("choices").get(0);
        assertThat(finish.path("delta")).isEqualTo(referenceFinish.path("delta")).hasSize(0);
        assertThat(finish.path("finish_reason").asText()).isEqualTo("stop");
        for (JsonNode chunk : ours) {
            assertThat(keys(chunk)).isEqualTo(keys(reference.get(1)));
            assertThat(keys(chunk.path("choices").get(0))).isEqualTo(keys(reference.get(1).path("choices").get(0)));
            assertThat(chunk.path("id")).isEqualTo(ours.get(0).path("id"));
            assertThat(chunk.path("created")).isEqualTo(ours.get(0).path("created"));
            assertThat(chunk.path("model").asText()).isEqualTo("scripted");
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.has("usage")).isFalse();
        }
    }

    @Test
    void includeUsageAddsAUsageChunkWithEmptyChoicesAfterTheFinishChunk() {
        List<JsonNode> reference = Http.sseChunks(Http.Transcript.load("06-chat-stream-usage.txt").body());
        List<JsonNode> ours = Http.sseChunks(Http.post(server, "/v1/chat/completions",
                "{\"model\":\"scripted\",\"stream\":true,\"stream_options\":{\"include_usage\":true}," + HELLO + "}").body());

        JsonNode usageChunk = ours.get(ours.size() - 1);
        JsonNode referenceUsage = reference.get(reference.size() - 1);
        assertThat(keys(usageChunk)).isEqualTo(keys(referenceUsage));
        assertThat(usageChunk.path("choices")).isEqualTo(referenceUsage.path("choices")).isEmpty();
        assertThat(keys(usageChunk.path("usage"))).isEqualTo(keys(referenceUsage.path("usage")));
        assertThat(usageChunk.path("usage").path("prompt_tokens").asInt()).isEqualTo(10);
        assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
        assertThat(usageChunk.path("usage").path("total_tokens").asInt()).isEqualTo(17);
        assertThat(ours.get(ours.size() - 2).path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(ours.subList(0, ours.size() - 1)).noneMatch(c -> c.has("usage"));
    }

    @Test
    void aNonStreamingAnswerHasTheRecordedShapeWithUsage() {
        JsonNode reference = Http.json(Http.Transcript.load("04-chat-nonstream.txt").body());
        HttpResponse<String> response = Http.post(server, "/v1/chat/completions",
                "{\"model\":\"scripted\",\"max_tokens\":16,\"stream\":false," + HELLO + "}");
        JsonNode ours = Http.json(response.body());

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(keys(ours)).isEqualTo(keys(reference));
        assertThat(keys(ours.path("choices").get(0))).isEqualTo(keys(reference.path("choices").get(0)));
        assertThat(keys(ours.path("choices").get(0).path("message")))
                .isEqualTo(keys(reference.path("choices").get(0).path("message")));
        assertThat(keys(ours.path("usage"))).isEqualTo(keys(reference.path("usage")));
        assertThat(ours.path("object").asText()).isEqualTo("chat.completion");
        assertThat(ours.path("id").asText()).startsWith("chatcmpl-");
        assertThat(ours.path("choices").get(0).path("message").path("content").asText()).isEqualTo("You said: Say hello in five words.");
        assertThat(ours.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void toolCallsStreamAsFragmentsShapedLikeTheRecordedOnes() {
        List<JsonNode> reference = Http.sseChunks(Http.Transcript.load("35-forced-tool-call-stream.txt").body());
        List<JsonNode> ours = Http.sseChunks(Http.post(server, "/v1/chat/completions", "{\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the weather in Paris?\"}]," + WEATHER_TOOL + "}").body());

        JsonNode first = ours.get(1).path("choices").get(0).path("delta").path("tool_calls").get(0);
        JsonNode referenceFirst = reference.get(1).path("choices").get(0).path("delta").path("tool_calls").get(0);
        assertThat(keys(first)).isEqualTo(keys(referenceFirst));
        assertThat(keys(first.path("function"))).isEqualTo(keys(referenceFirst.path("function")));
        JsonNode rest = ours.get(2).path("choices").get(0).path("delta").path("tool_calls").get(0);
        JsonNode referenceRest = reference.get(2).path("choices").get(0).path("delta").path("tool_calls").get(0);
        assertThat(keys(rest)).isEqualTo(keys(referenceRest));
        assertThat(keys(rest.path("function"))).isEqualTo(keys(referenceRest.path("function")));
        assertThat(first.path("id").asText()).matches("call_[0-9a-f]{8}");
        assertThat(first.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(first.path("function").path("arguments").asText() + rest.path("function").path("arguments").asText())
                .isEqualTo("{\"city\":\"Paris\"}");
        assertThat(ours.get(ours.size() - 1).path("choices").get(0).path("finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void reasoningTravelsInTheModelsShape() {
        assertThat(streamedDeltaField(ScriptedEngine.MODEL_REASONING_CONTENT, "reasoning_content"))
                .isEqualTo("The user wrote 2 words. I will answer.");
        assertThat(streamedDeltaField(ScriptedEngine.MODEL_REASONING, "reasoning"))
                .isEqualTo("The user wrote 2 words. I will answer.");
        assertThat(streamedDeltaField(ScriptedEngine.MODEL_THINK_TAGS, "content"))
                .isEqualTo("<think>The user wrote 2 words. I will answer.</think>You said: hi there");

        JsonNode message = Http.json(Http.post(server, "/v1/chat/completions", "{\"model\":\"scripted-reasoning\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}").body()).path("choices").get(0).path("message");
        assertThat(message.path("reasoning").asText()).isEqualTo("The user wrote 2 words. I will answer.");
        assertThat(message.path("content").asText()).isEqualTo("You said: hi there");
        JsonNode tagged = Http.json(Http.post(server, "/v1/chat/completions", "{\"model\":\"scripted-think-tags\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}").body()).path("choices").get(0).path("message");
        assertThat(tagged.path("content").asText()).isEqualTo("<think>The user wrote 2 words. I will answer.</think>You said: hi there");
    }

    private static String streamedDeltaField(String model, String field) {
        StringBuilder b = new StringBuilder();
        for (JsonNode chunk : Http.sseChunks(Http.post(server, "/v1/chat/completions", "{\"model\":\"" + model + "\","
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}").body())) {
            JsonNode choices = chunk.path("choices");
            if (choices.size() > 0 && choices.get(0).path("delta").path(field).isTextual()) {
                b.append(choices.get(0).path("delta").path(field).asText());
            }
        }
        return b.toString();
    }

    @Test
    void aMissingMessagesFieldIs400InTheRecordedEnvelope() {
        Http.Transcript reference = Http.Transcript.load("17-missing-messages.txt");
        HttpResponse<String> response = Http.post(server, "/v1/chat/completions", "{\"model\":\"scripted\",\"max_tokens\":16}");

        assertThat(response.statusCode()).isEqualTo(reference.status()).isEqualTo(400);
        assertEnvelopeLike(Http.json(response.body()), Http.json(reference.body()));
        assertThat(Http.json(response.body()).path("error").path("message").asText()).contains("messages");
    }

    @Test
    void messagesThatAreNotAnArrayAre400InTheRecordedEnvelope() {
        Http.Transcript reference = Http.Transcript.load("43-messages-not-array.txt");
        HttpResponse<String> response = Http.post(server, "/v1/chat/completions", "{\"model\":\"scripted\",\"messages\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(reference.status());
        assertEnvelopeLike(Http.json(response.body()), Http.json(reference.body()));
    }

    @Test
    void anUnknownRouteIs404WithTheRecordedBody() {
        Http.Transcript get = Http.Transcript.load("15-unknown-route.txt");
        Http.Transcript post = Http.Transcript.load("16-unknown-route-post.txt");

        HttpResponse<String> ours = Http.get(server, "/v1/does-not-exist");
        HttpResponse<String> oursPost = Http.post(server, "/v1/nope", "{}");

        assertThat(ours.statusCode()).isEqualTo(get.status());
        assertThat(Http.json(ours.body())).isEqualTo(Http.json(get.body()));
        assertThat(oursPost.statusCode()).isEqualTo(post.status());
        assertThat(Http.json(oursPost.body())).isEqualTo(Http.json(post.body()));
    }

    @Test
    void healthAnswersTheRecordedBody() {
        Http.Transcript reference = Http.Transcript.load("01-health.txt");
        HttpResponse<String> response = Http.get(server, "/health");

        assertThat(response.statusCode()).isEqualTo(reference.status());
        assertThat(Http.json(response.body())).isEqualTo(Http.json(reference.body()));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    }

    @Test
    void modelsListTheEngineModelsInTheOpenAiShape() {
        JsonNode reference = Http.json(Http.resource("openai-v1-models.json"));
        JsonNode ours = Http.json(Http.get(server, "/v1/models").body());

        assertThat(keys(ours)).isEqualTo(keys(reference));
        assertThat(ours.path("object").asText()).isEqualTo("list");
        assertThat(keys(ours.path("data").get(0))).isEqualTo(keys(reference.path("data").get(0)));
        assertThat(ours.path("data").findValuesAsText("id")).containsExactly("scripted", "scripted-reasoning-content",
                "scripted-reasoning", "scripted-think-tags", "scripted-embed");
    }

    @Test
    void embeddingsHaveTheRecordedShape() {
        JsonNode reference = Http.json(Http.Transcript.load("19-embeddings.txt").body());
        JsonNode ours = Http.json(Http.post(server, "/v1/embeddings", "{\"model\":\"scripted-embed\",\"input\":[\"hello world\",\"bye\"]}").body());

        assertThat(keys(ours)).isEqualTo(keys(reference));
        assertThat(keys(ours.path("data").get(0))).isEqualTo(keys(reference.path("data").get(0)));
        assertThat(keys(ours.path("usage"))).isEqualTo(keys(reference.path("usage")));
        assertThat(ours.path("data")).hasSize(2);
        assertThat(ours.path("data").get(1).path("index").asInt()).isEqualTo(1);
        assertThat(ours.path("data").get(0).path("embedding")).hasSize(ScriptedEngine.EMBEDDING_DIMENSION);
        assertThat(ours.path("model").asText()).isEqualTo("scripted-embed");
    }

    private static void assertEnvelopeLike(JsonNode ours, JsonNode reference) {
        assertThat(keys(ours)).isEqualTo(keys(reference)).containsExactly("error");
        assertThat(keys(ours.path("error"))).isEqualTo(keys(reference.path("error")));
        assertThat(ours.path("error").path("code")).isEqualTo(reference.path("error").path("code"));
        assertThat(ours.path("error").path("type")).isEqualTo(reference.path("error").path("type"));
    }
}
