package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.server.engine.LlamaCppEngine;

/**
 * The llama.cpp engine through the HTTP front, asserting protocol facts that hold for any model:
 * the generated demo model (random weights — text is not meaningful), or {@code LLM_MODEL_FILE}.
 * One model is loaded for the whole class.
 */
@Timeout(120)
class LlamaCppEngineHttpTest {

    private static final String STORY = "Write a long story about a river, a cat and the moon.";

    static LlamaCppEngine engine;
    static SwitchboardServer server;

    @BeforeAll
    static void start() {
        engine = LlamaModels.builder().queueCapacity(1).build();
        server = SwitchboardServer.start(engine);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String chat(String extra) {
        return "{\"model\":\"" + engine.modelName() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + STORY
                + "\"}]" + extra + "}";
    }

    @Test
    void streamedEventsAreOnePerTokenAndUsageCountsThem() throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.openAiBaseUrl() + "/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(chat(
                                ",\"stream\":true,\"max_tokens\":12,\"seed\":3,\"stream_options\":{\"include_usage\":true}")))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        List<JsonNode> chunks = new ArrayList<>();
        response.body().forEach(line -> {
            if (line.startsWith("data: {")) {
                chunks.add(Http.json(line.substring(6)));
            }
        });
        assertThat(response.statusCode()).isEqualTo(200);
        List<Integer> contentIndexes = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).path("choices").path(0).path("delta").path("content").isTextual()) {
                contentIndexes.add(i);
            }
        }
        assertThat(contentIndexes).as("content chunks").hasSizeGreaterThan(1);
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(contentIndexes.size());
        int expectedPrompt = engine.promptTokens(ChatRequest.builder().addMessage(ChatMessage.user(STORY)).build());
        assertThat(usage.path("prompt_tokens").asInt()).as("the model's tokenizer on the rendered prompt")
                .isEqualTo(expectedPrompt);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(expectedPrompt + contentIndexes.size());
    }

    @Test
    void theFirstTokenIsSentWhileTheRestOfTheAnswerIsStillBeingGenerated() throws Exception {
        // A server that buffered the answer would send its first event only after the last token: the
        // engine's count of generated tokens would then already hold the whole answer.
        int longAnswer = engine.contextSize() - 200;
        long before = engine.generatedTokens();
        try (RawHttp stream = RawHttp.post(server, "/v1/chat/completions",
                chat(",\"stream\":true,\"max_tokens\":" + longAnswer))) {
            assertThat(stream.head()).startsWith("HTTP/1.1 200");
            String chunk = "";
            while (!chunk.contains("\"content\":\"") || chunk.contains("\"content\":\"\"")) {
                chunk = new String(stream.chunk(), StandardCharsets.UTF_8);
            }
            long generatedWhenTheFirstTokenArrived = engine.generatedTokens() - before;

            assertThat(generatedWhenTheFirstTokenArrived).as("tokens generated when the first one was read, of %d",
                    longAnswer).isLessThan(longAnswer);
        } // the client goes away: the engine stops this answer (aBusyEngine... relies on the same)
    }

    @Test
    void maxTokensFiveGivesFiveCompletionTokensAndLength() {
        JsonNode v1 = Http.json(Http.post(server, "/v1/chat/completions", chat(",\"max_tokens\":5")).body());
        assertThat(v1.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(v1.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(v1.path("choices").path(0).path("message").path("content").asText()).isNotEmpty();

        JsonNode native5 = Http.json(Http.post(server, "/api/chat",
                chat(",\"stream\":false,\"options\":{\"num_predict\":5}")).body());
        assertThat(native5.path("eval_count").asInt()).isEqualTo(5);
        assertThat(native5.path("done_reason").asText()).isEqualTo("length");
    }

    @Test
    void theSameSeedGivesTheSameText() {
        String body = chat(",\"max_tokens\":16,\"seed\":1234,\"temperature\":1.0,\"top_p\":0.95");
        String first = Http.json(Http.post(server, "/v1/chat/completions", body).body())
                .path("choices").path(0).path("message").path("content").asText();
        String second = Http.json(Http.post(server, "/v1/chat/completions", body).body())
                .path("choices").path(0).path("message").path("content").asText();
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void aStopSequenceEndsTheAnswerBeforeIt() {
        String free = Http.json(Http.post(server, "/v1/chat/completions",
                chat(",\"max_tokens\":16,\"temperature\":0")).body())
                .path("choices").path(0).path("message").path("content").asText();
        String[] words = free.trim().split("\\s+");
        String stop = words[Math.min(3, words.length - 1)];
        int cut = free.indexOf(stop);

        JsonNode stopped = Http.json(Http.post(server, "/v1/chat/completions",
                chat(",\"max_tokens\":16,\"temperature\":0,\"stop\":[\"" + stop + "\"]")).body());

        assertThat(stopped.path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(free.substring(0, cut));
        assertThat(stopped.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void distinctInputsGetDistinctEmbeddingsOfTheModelsDimension() {
        JsonNode body = Http.json(Http.post(server, "/v1/embeddings", "{\"model\":\"" + engine.modelName()
                + "\",\"input\":[\"The cat sat on the mat.\",\"A cat was sitting on a mat.\",\"Tax reports are due.\"]}").body());
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode item : body.path("data")) {
            float[] v = new float[item.path("embedding").size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) item.path("embedding").path(i).asDouble();
            }
            vectors.add(v);
        }
        assertThat(vectors).hasSize(3);
        assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(engine.embeddingDimension()));
        assertThat(engine.embeddingDimension()).isPositive();
        assertThat(Arrays.equals(vectors.get(0), vectors.get(1))).isFalse();
        assertThat(Arrays.equals(vectors.get(0), vectors.get(2))).isFalse();
        assertThat(Arrays.equals(vectors.get(1), vectors.get(2))).isFalse();
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isPositive();
    }

    @Test
    void theModelListNamesTheServedModel() {
        JsonNode v1 = Http.json(Http.get(server, "/v1/models").body());
        assertThat(v1.path("data").path(0).path("id").asText()).isEqualTo(engine.modelName());
        JsonNode tags = Http.json(Http.get(server, "/api/tags").body());
        assertThat(tags.path("models").path(0).path("name").asText()).isEqualTo(engine.modelName());
    }

    @Test
    void refusalsAreClearErrors() {
        HttpResponse<String> unknown = Http.post(server, "/v1/chat/completions",
                "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(unknown.statusCode()).isEqualTo(404);

        HttpResponse<String> bogus = Http.post(server, "/v1/chat/completions", chat(",\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}}],\"tool_choice\":\"bogus\""));
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(Http.json(bogus.body()).path("error").path("message").asText()).isEqualTo("Invalid tool_choice: bogus");

        String longText = "the cat sat on the mat ".repeat(engine.contextSize());
        HttpResponse<String> tooLong = Http.post(server, "/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"" + longText + "\"}]}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Http.json(tooLong.body()).path("error").path("message").asText()).contains("the context holds");

        assertThat(Http.post(server, "/v1/chat/completions", chat(",\"max_tokens\":2")).statusCode())
                .as("the engine still answers").isEqualTo(200);
    }

    @Test
    void aBusyEngineQueuesOneThenAnswers503AndADisconnectFreesIt() throws Exception {
        // a long generation holds the one context; the queue holds one more
        int longAnswer = engine.contextSize() - 200;
        String endless = chat(",\"stream\":true,\"max_tokens\":" + longAnswer);
        long generatedBefore = engine.generatedTokens();
        try (RawHttp first = RawHttp.post(server, "/v1/chat/completions", endless)) {
            assertThat(first.head()).startsWith("HTTP/1.1 200");
            assertThat(new String(first.chunk(), StandardCharsets.UTF_8)).contains("data:");
            HttpClient client = HttpClient.newHttpClient();
            var queued = client.sendAsync(HttpRequest.newBuilder(URI.create(server.openAiBaseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(chat(",\"stream\":true,\"max_tokens\":3"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitOpenStreams(2); // the running one and the queued one
            HttpResponse<String> rejected = client.send(HttpRequest.newBuilder(URI.create(server.openAiBaseUrl()
                    + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(chat(",\"max_tokens\":1"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rejected.statusCode()).isEqualTo(503);
            assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Http.json(rejected.body()).path("error").path("message").asText()).contains("busy");

            first.close(); // the client goes away: its generation stops, the queued request runs
            HttpResponse<String> answered = queued.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("data: [DONE]");
            assertThat(engine.generatedTokens() - generatedBefore).as("tokens generated for both requests")
                    .isLessThan(longAnswer);
        }
    }

    private static void awaitOpenStreams(int count) throws InterruptedException {
        for (int i = 0; i < 500 && server.stats().openStreams() < count; i++) {
            Thread.sleep(10);
        }
        assertThat(server.stats().openStreams()).as("streams open on the server").isEqualTo(count);
    }
}
