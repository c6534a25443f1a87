package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.server.engine.ScriptedEngine;

/** Every client mistake gets its 4xx in the route's error envelope, never a 500. */
@Timeout(30)
class BadRequestTest {

    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    private static SwitchboardServer server;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.start(new ScriptedEngine());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("/v1/chat/completions", "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}", 400),
                Arguments.of("/v1/chat/completions", "", 400),
                Arguments.of("/v1/chat/completions", "[1,2]", 400),
                Arguments.of("/v1/chat/completions", "{\"model\":\"scripted\"}", 400),
                Arguments.of("/v1/chat/completions", "{\"messages\":[]}", 400),
                Arguments.of("/v1/chat/completions", "{\"messages\":\"hi\"}", 400),
                Arguments.of("/v1/chat/completions", "{\"temperature\":\"hot\"," + HI + "}", 400),
                Arguments.of("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":2}]}", 400),
                Arguments.of("/v1/chat/completions", "{\"model\":\"no-such-model\"," + HI + "}", 404),
                Arguments.of("/v1/chat/completions", "{\"model\":\"no-such-model\",\"stream\":true," + HI + "}", 404),
                Arguments.of("/v1/chat/completions", "{\"model\":\"scripted-embed\"," + HI + "}", 400),
                Arguments.of("/v1/embeddings", "{\"model\":\"scripted-embed\"}", 400),
                Arguments.of("/v1/embeddings", "{\"model\":\"scripted-embed\",\"input\":[]}", 400),
                Arguments.of("/v1/embeddings", "{\"model\":\"scripted-embed\",\"input\":[1,2]}", 400),
                Arguments.of("/v1/embeddings", "not json", 400),
                Arguments.of("/v1/embeddings", "{\"model\":\"scripted\",\"input\":\"x\"}", 404),
                Arguments.of("/api/chat", "{\"model\":\"scripted\",", 400),
                Arguments.of("/api/chat", "", 400),
                Arguments.of("/api/chat", "{\"model\":\"scripted\",\"messages\":{}}", 400),
                Arguments.of("/api/chat", "{\"model\":\"no-such-model\"," + HI + "}", 404),
                Arguments.of("/api/chat", "{\"model\":\"no-such-model\",\"stream\":false," + HI + "}", 404),
                Arguments.of("/api/generate", "{\"model\":\"scripted\"}", 400),
                Arguments.of("/api/generate", "{\"model\":\"scripted\",\"prompt\":7}", 400),
                Arguments.of("/api/generate", "{\"model\":\"no-such-model\",\"prompt\":\"hi\"}", 404),
                Arguments.of("/api/embed", "{\"model\":\"scripted-embed\",\"input\":{}}", 400),
                Arguments.of("/api/embed", "{\"model\":\"all-minilm\",\"input\":\"x\"}", 404));
    }

    @ParameterizedTest(name = "POST {0} {1} -> {2}")
    @MethodSource("badBodies")
    void aBadBodyGetsItsStatusInTheRoutesEnvelope(String path, String body, int status) {
        HttpResponse<String> response = Http.post(server, path, body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertEnvelope(path, status, response);
    }

    static Stream<Arguments> wrongRoutes() {
        return Stream.of(
                Arguments.of("GET", "/v1/does-not-exist", 404, null),
                Arguments.of("POST", "/v1/nope", 404, null),
                Arguments.of("GET", "/nope", 404, null),
                Arguments.of("GET", "/api/nope", 404, null),
                Arguments.of("GET", "/v1/chat/completions", 405, "POST"),
                Arguments.of("PUT", "/v1/embeddings", 405, "POST"),
                Arguments.of("POST", "/v1/models", 405, "GET"),
                Arguments.of("DELETE", "/health", 405, "GET"),
                Arguments.of("GET", "/api/chat", 405, "POST"),
                Arguments.of("POST", "/api/tags", 405, "GET"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("wrongRoutes")
    void anUnknownRouteIs404AndAWrongMethod405(String method, String path, int status, String allow) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(server.rootUrl() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(status);
        assertEnvelope(path, status, response);
        if (allow != null) {
            assertThat(response.headers().firstValue("Allow")).hasValue(allow);
        }
    }

    @Test
    void aBodyOverEightMebibytesIs413OnBothWires() {
        String huge = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}]}";

        HttpResponse<String> openAi = Http.post(server, "/v1/chat/completions", huge);
        HttpResponse<String> ollama = Http.post(server, "/api/chat", huge);

        assertThat(openAi.statusCode()).isEqualTo(413);
        assertEnvelope("/v1/chat/completions", 413, openAi);
        assertThat(ollama.statusCode()).isEqualTo(413);
        assertEnvelope("/api/chat", 413, ollama);
    }

    @Test
    void theServerStillAnswersAfterBadRequests() {
        Http.post(server, "/v1/chat/completions", "{");

        assertThat(Http.post(server, "/v1/chat/completions", "{" + HI + "}").statusCode()).isEqualTo(200);
    }

    private static void assertEnvelope(String path, int status, HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = Http.json(response.body());
        assertThat(body.size()).isEqualTo(1);
        if (path.startsWith("/api/")) {
            assertThat(body.path("error").isTextual()).as("Ollama's {\"error\":\"...\"}: %s", body).isTrue();
            assertThat(body.path("error").asText()).isNotBlank();
        } else {
            JsonNode error = body.path("error");
            assertThat(error.isObject()).as("OpenAI's {\"error\":{...}}: %s", body).isTrue();
            assertThat(error.path("code").asInt()).isEqualTo(status);
            assertThat(error.path("message").asText()).isNotBlank();
            assertThat(error.path("type").asText()).isEqualTo(status == 404 ? "not_found_error" : "invalid_request_error");
        }
    }
}
