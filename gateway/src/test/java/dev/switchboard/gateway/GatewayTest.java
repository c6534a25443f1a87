package dev.switchboard.gateway;

import static dev.switchboard.gateway.Gateways.awaitAtLeast;
import static dev.switchboard.gateway.Gateways.get;
import static dev.switchboard.gateway.Gateways.json;
import static dev.switchboard.gateway.Gateways.post;
import static dev.switchboard.gateway.Gateways.sseData;
import static dev.switchboard.gateway.Gateways.sseText;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;

/**
 * A gateway in front of one embedded scripted server, twice: as an OpenAI-compatible upstream
 * ({@code /v1}, style raw-http) and as an Ollama upstream (its root, style raw-http-ollama). Faults
 * are injected upstream and asserted as the gateway's caller sees them.
 */
class GatewayTest {

    static SwitchboardServer upstream;
    static SwitchboardServer gateway;       // upstream as OpenAI-compatible
    static SwitchboardServer ollamaGateway; // upstream as Ollama

    @BeforeAll
    static void start() {
        upstream = SwitchboardServer.start(new ScriptedEngine());
        gateway = SwitchboardServer.builder()
                .engine(Gateways.engine(Duration.ofHours(1), "up=" + upstream.openAiBaseUrl()))
                .corsOrigins(List.of("https://app.example"))
                .start();
        ollamaGateway = SwitchboardServer.start(Gateways.engine(Duration.ofHours(1), "ollama=" + upstream.rootUrl()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        ollamaGateway.close();
        upstream.close();
    }

    @AfterEach
    void noStreamLeftOpen() throws InterruptedException {
        upstream.faults().clear();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((upstream.stats().openStreams() > 0 || gateway.stats().openStreams() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(upstream.stats().openStreams()).as("streams open upstream").isZero();
        assertThat(gateway.stats().openStreams()).as("streams open on the gateway").isZero();
    }

    private static String chat(String text, boolean stream) {
        return "{\"model\":\"scripted\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    @Test
    void aChatIsAnsweredByTheUpstream() {
        HttpResponse<String> response = post(gateway, "/v1/chat/completions", chat("hello there", false));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("You said: hello there");
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void chatCompletionsWithoutV1StreamsLikeTheV1Route() {
        HttpResponse<String> response = post(gateway, "/chat/completions", chat("hi you", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(sseText(response.body())).isEqualTo("You said: hi you");
        assertThat(sseData(response.body())).last().isEqualTo("[DONE]");
    }

    @Test
    void ollamaNativeRouteThroughAnOllamaUpstream() {
        HttpResponse<String> response = post(ollamaGateway, "/api/chat", chat("hi", true));

        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().split("\n");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(json(line).path("message").path("content").asText());
        }
        assertThat(text.toString()).isEqualTo("You said: hi");
        assertThat(json(lines[lines.length - 1]).path("done").asBoolean()).isTrue();
    }

    @Test
    void theFirstChunkReachesTheCallerWhileTheUpstreamIsStillStreaming() throws Exception {
        long completedBefore = upstream.stats().completedStreams();
        upstream.faults().forNextRequest(new Fault.StallMidStream(1, Duration.ofSeconds(3)));

        try (Gateways.OpenStream stream = Gateways.OpenStream.post(gateway, "/v1/chat/completions", chat("one two three", true))) {
            String first = stream.readUntil("\"content\":\"You \"");

            // A relay that buffered the answer would send nothing until the upstream's stream ended.
            assertThat(first).contains("You ");
            assertThat(upstream.stats().completedStreams()).as("upstream streams completed when the first chunk arrived")
                    .isEqualTo(completedBefore);
            assertThat(upstream.stats().openStreams()).isEqualTo(1);
            stream.readUntil("[DONE]");
        }
        assertThat(upstream.stats().completedStreams()).isEqualTo(completedBefore + 1);
    }

    @Test
    void aCallerWhoDisconnectsCancelsTheUpstreamRequest() throws Exception {
        long cancelledBefore = upstream.stats().cancelledStreams();
        upstream.faults().forNextRequest(new Fault.StallMidStream(1, Duration.ofSeconds(10)));

        try (Gateways.OpenStream stream = Gateways.OpenStream.post(gateway, "/v1/chat/completions", chat("one two three", true))) {
            stream.readUntil("\"content\":\"You \"");
        }

        assertThat(awaitAtLeast(() -> upstream.stats().cancelledStreams(), cancelledBefore + 1))
                .as("upstream streams cancelled").isEqualTo(cancelledBefore + 1);
    }

    @Test
    void anUpstream429ReachesTheCallerWithItsRetryAfter() {
        upstream.faults().forNextRequest(new Fault.Status(429, "slow down", Duration.ofSeconds(2)));
        HttpResponse<String> openAi = post(gateway, "/v1/chat/completions", chat("hi", true));

        assertThat(openAi.statusCode()).isEqualTo(429);
        assertThat(openAi.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(openAi.body()).path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(json(openAi.body()).path("error").path("message").asText()).isEqualTo("slow down");

        upstream.faults().forNextRequest(new Fault.Status(429, "slow down", Duration.ofSeconds(2)));
        HttpResponse<String> ollama = post(ollamaGateway, "/api/chat", chat("hi", false));

        assertThat(ollama.statusCode()).isEqualTo(429);
        assertThat(ollama.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(ollama.body()).path("error").asText()).isEqualTo("slow down");
    }

    @Test
    void anUnknownModelIs404InTheRoutesEnvelope() {
        HttpResponse<String> openAi = post(gateway, "/v1/chat/completions",
                "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> ollama = post(ollamaGateway, "/api/chat",
                "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(openAi.statusCode()).isEqualTo(404);
        assertThat(json(openAi.body()).path("error").path("message").asText()).isEqualTo("model 'nope' not found");
        assertThat(json(openAi.body()).path("error").path("type").asText()).isEqualTo("not_found_error");
        assertThat(ollama.statusCode()).isEqualTo(404);
        assertThat(json(ollama.body()).path("error").asText()).isEqualTo("model 'nope' not found");
    }

    @Test
    void anUpstream5xxIs502NamingTheUpstream() {
        upstream.faults().forNextRequest(new Fault.Status(500, "boom", null));
        HttpResponse<String> response = post(gateway, "/v1/chat/completions", chat("hi", false));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response.body()).path("error").path("message").asText())
                .isEqualTo("upstream 'up' answered HTTP 500: boom");
    }

    @Test
    void aStreamCutMidwayEndsWithAnErrorFrameAndNoDoneMarker() {
        upstream.faults().forNextRequest(new Fault.DropConnection(2));
        HttpResponse<String> openAi = post(gateway, "/v1/chat/completions", chat("one two three four", true));

        List<String> data = sseData(openAi.body());
        assertThat(openAi.statusCode()).isEqualTo(200);
        assertThat(sseText(openAi.body())).isEqualTo("You said: ");
        assertThat(data).doesNotContain("[DONE]");
        JsonNode error = json(data.get(data.size() - 1)).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(502);
        assertThat(error.path("message").asText()).startsWith("upstream 'up' broke off the stream");

        upstream.faults().forNextRequest(new Fault.DropConnection(2));
        HttpResponse<String> ollama = post(ollamaGateway, "/api/chat", chat("one two three four", true));

        String[] lines = ollama.body().split("\n");
        assertThat(json(lines[lines.length - 1]).path("error").asText()).startsWith("upstream 'ollama' broke off the stream");
        assertThat(ollama.body()).doesNotContain("\"done\":true");
    }

    @Test
    void theModelListComesFromTheUpstream() {
        JsonNode list = json(get(gateway, "/v1/models").body());
        JsonNode one = json(get(gateway, "/v1/models/scripted-reasoning").body());
        HttpResponse<String> missing = get(gateway, "/v1/models/nope");
        JsonNode tags = json(get(ollamaGateway, "/api/tags").body());

        assertThat(list.path("data").findValuesAsText("id")).contains("scripted", "scripted-reasoning", "scripted-embed");
        assertThat(one.path("id").asText()).isEqualTo("scripted-reasoning");
        assertThat(one.path("object").asText()).isEqualTo("model");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(tags.path("models").findValuesAsText("name")).contains("scripted");
    }

    @Test
    void embeddingsGoThroughTheUpstream() {
        HttpResponse<String> response = post(gateway, "/v1/embeddings", "{\"model\":\"scripted-embed\",\"input\":[\"a\",\"b\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).path("data")).hasSize(2);
        assertThat(json(response.body()).path("data").path(0).path("embedding")).hasSize(ScriptedEngine.EMBEDDING_DIMENSION);
    }

    @Test
    void healthListsTheUpstreamWithItsModels() {
        HttpResponse<String> response = get(gateway, "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode up = json(response.body()).path("upstreams").path(0);
        assertThat(json(response.body()).path("status").asText()).isEqualTo("ok");
        assertThat(up.path("name").asText()).isEqualTo("up");
        assertThat(up.path("url").asText()).isEqualTo(upstream.openAiBaseUrl());
        assertThat(up.path("status").asText()).isEqualTo("ok");
        assertThat(up.path("models").findValuesAsText("")).isEmpty();
        assertThat(up.path("models").toString()).contains("\"scripted\"");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        HttpResponse<String> allowed = Gateways.send(HttpRequest.newBuilder(URI.create(gateway.rootUrl() + "/v1/chat/completions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build());
        HttpResponse<String> other = Gateways.send(HttpRequest.newBuilder(URI.create(gateway.rootUrl() + "/v1/chat/completions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build());

        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST, OPTIONS");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers")).hasValue("authorization, content-type");
        assertThat(other.statusCode()).isEqualTo(204);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
