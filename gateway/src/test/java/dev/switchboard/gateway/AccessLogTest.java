package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * The access log as the runnable gateway writes it (slf4j-simple, on stderr): one line per request
 * with method, path, status, duration, model, tokens and request id; never a key, the query or the body.
 */
class AccessLogTest {

    @Test
    void oneLinePerRequestWithoutKeyQueryOrBody() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (SwitchboardServer upstream = SwitchboardServer.start(new ScriptedEngine());
                SwitchboardServer gateway = SwitchboardServer.builder()
                        .engine(Gateways.engine(Duration.ofHours(1), "up=" + upstream.openAiBaseUrl()))
                        .apiKeys(java.util.List.of("s3cret-key", "other-key-2")).start()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Gateways.send(HttpRequest.newBuilder(URI.create(gateway.rootUrl() + "/v1/chat/completions?token=q-secret"))
                    .header("Authorization", "Bearer s3cret-key").header("X-Request-Id", "req-7")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"private words\"}]}"))
                    .build());
            Gateways.send(HttpRequest.newBuilder(URI.create(gateway.rootUrl() + "/api/chat"))
                    .header("x-api-key", "other-key-2").header("X-Request-Id", "req-8")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"streamed words\"}]}"))
                    .build());
            Gateways.get(gateway, "/v1/models"); // no key: 401
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!captured.toString(StandardCharsets.UTF_8).contains("GET /v1/models") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        // the model as named, the tokens from the upstream's usage (its stream's last chunk, relayed)
        assertThat(log).containsPattern("dev\\.switchboard\\.server\\.access - POST /v1/chat/completions 200 \\d+ ms"
                + " model=scripted prompt_tokens=[1-9]\\d* completion_tokens=[1-9]\\d* id=req-7");
        assertThat(log).containsPattern("POST /api/chat 200 \\d+ ms model=scripted prompt_tokens=[1-9]\\d*"
                + " completion_tokens=[1-9]\\d* id=req-8");
        assertThat(log).containsPattern("GET /v1/models 401 \\d+ ms id=[0-9a-f]{16}");
        assertThat(log).doesNotContain("s3cret-key").doesNotContain("other-key-2").doesNotContain("q-secret")
                .doesNotContain("private words").doesNotContain("streamed words");
    }
}
