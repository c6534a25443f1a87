package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.server.engine.ScriptedEngine;

/** The routes the gateway work added, on the scripted engine: alias, single model, version, health, CORS, keys, request ids. */
class GatewayRoutesTest {

    static SwitchboardServer server;
    static SwitchboardServer keyed;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.start(new ScriptedEngine());
        keyed = SwitchboardServer.builder().engine(new ScriptedEngine()).apiKey("s3cret").corsOrigins(List.of("*")).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        keyed.close();
    }

    @Test
    void chatCompletionsWithoutV1IsTheV1Route() {
        HttpResponse<String> response = Http.post(server, "/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response.body()).path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("You said: hi");
    }

    @Test
    void oneModelByIdOr404() {
        HttpResponse<String> found = Http.get(server, "/v1/models/scripted-think-tags");
        HttpResponse<String> missing = Http.get(server, "/v1/models/nope");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(Http.json(found.body()).path("id").asText()).isEqualTo("scripted-think-tags");
        assertThat(Http.json(found.body()).path("object").asText()).isEqualTo("model");
        assertThat(Http.json(found.body()).path("owned_by").asText()).isEqualTo("switchboard");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing.body()).path("error").path("message").asText()).isEqualTo("model 'nope' not found");
        assertThat(Http.get(server, "/v1/models/").statusCode()).isEqualTo(404);
    }

    @Test
    void apiVersionAnswersOllamasShape() {
        HttpResponse<String> response = Http.get(server, "/api/version");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"version\":\"0.32.15\"}");
    }

    @Test
    void healthTellsTheTruthAboutTheEngine() {
        ScriptedEngine engine = new ScriptedEngine();
        try (SwitchboardServer closing = SwitchboardServer.start(engine)) {
            HttpResponse<String> up = Http.get(closing, "/health");
            engine.close();
            HttpResponse<String> down = Http.get(closing, "/health");

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(Http.json(down.body()).path("reason").asText()).isEqualTo("the scripted engine is closed");
        }
    }

    @Test
    void withAKeyOnlyACallerPresentingItLearnsWhy() {
        ScriptedEngine engine = new ScriptedEngine();
        try (SwitchboardServer closing = SwitchboardServer.builder().engine(engine).apiKey("s3cret").start()) {
            engine.close();
            HttpResponse<String> anonymous = Http.get(closing, "/health");
            HttpResponse<String> keyed = Http.send(HttpRequest.newBuilder(URI.create(closing.rootUrl() + "/health"))
                    .header("Authorization", "Bearer s3cret").GET().build());

            assertThat(anonymous.statusCode()).isEqualTo(503);
            assertThat(anonymous.body()).isEqualTo("{\"status\":\"unavailable\"}");
            assertThat(keyed.statusCode()).isEqualTo(503);
            assertThat(Http.json(keyed.body()).path("reason").asText()).isEqualTo("the scripted engine is closed");
        }
    }

    @Test
    void withoutCorsAPreflightGetsNoCorsHeaders() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(server.rootUrl() + "/v1/chat/completions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST").build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anyOriginWithStarAndAPreflightNeedsNoKey() {
        HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(keyed.rootUrl() + "/v1/models"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://any.example")
                .header("Access-Control-Request-Method", "GET").build());
        HttpResponse<String> get = Http.send(HttpRequest.newBuilder(URI.create(keyed.rootUrl() + "/v1/models"))
                .header("Origin", "https://any.example").header("Authorization", "Bearer s3cret").GET().build());

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue(
                "Authorization, Content-Type, X-Api-Key, X-Request-Id");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void theKeyMayComeAsBearerOrXApiKey() {
        HttpRequest.Builder models = HttpRequest.newBuilder(URI.create(keyed.rootUrl() + "/v1/models")).timeout(Duration.ofSeconds(10));

        assertThat(Http.send(models.copy().GET().build()).statusCode()).isEqualTo(401);
        assertThat(Http.send(models.copy().header("x-api-key", "wrong").GET().build()).statusCode()).isEqualTo(401);
        assertThat(Http.send(models.copy().header("x-api-key", "s3cret").GET().build()).statusCode()).isEqualTo(200);
        assertThat(Http.send(models.copy().header("Authorization", "Bearer s3cret").GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestIdIsKeptOrGenerated() {
        HttpResponse<String> kept = Http.send(HttpRequest.newBuilder(URI.create(server.rootUrl() + "/v1/models"))
                .header("X-Request-Id", "trace-42").GET().build());
        HttpResponse<String> unsafe = Http.send(HttpRequest.newBuilder(URI.create(server.rootUrl() + "/v1/models"))
                .header("X-Request-Id", "a b\u00e9").GET().build());

        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("trace-42");
        assertThat(unsafe.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
    }
}
