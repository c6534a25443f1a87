package dev.switchboard.gateway;

import static dev.switchboard.gateway.Gateways.json;
import static dev.switchboard.gateway.Gateways.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.engine.UpstreamEngine;
import dev.switchboard.server.fault.Fault;

/** Upstream keys: from the environment or a file, never in a URL, never shown to a caller. */
class UpstreamKeysTest {

    private static final String KEY = "sk-test-0123456789abcdef";

    @Test
    void anUpstreamQuotingTheKeyInAnErrorHasItRedacted() {
        try (SwitchboardServer upstream = SwitchboardServer.start(new ScriptedEngine());
                SwitchboardServer gateway = SwitchboardServer.start(UpstreamEngine.builder()
                        .upstream(UpstreamSpecs.parse("up=" + upstream.openAiBaseUrl(), KEY, Duration.ofSeconds(2),
                                Duration.ofSeconds(10)))
                        .secret(KEY).build())) {
            upstream.faults().forNextRequest(new Fault.Status(400, "the key " + KEY + " may not set 'seed'", null));

            HttpResponse<String> response = post(gateway, "/v1/chat/completions",
                    "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response.body()).path("error").path("message").asText()).isEqualTo("the key *** may not set 'seed'");
            assertThat(response.body()).doesNotContain(KEY);
        }
    }

    @Test
    void aUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> UpstreamSpecs.parse("http://user:" + KEY + "@gpu1:11434", null, Duration.ofSeconds(1),
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an upstream URL must not hold credentials (gpu1): give the key in LLM_UPSTREAM_API_KEY"
                        + " or --upstream-api-key-file")
                .message().doesNotContain(KEY);
    }

    @Test
    void theKeyComesFromAFileBeforeTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, KEY + "\n");

        assertThat(GatewayCommand.upstreamKey(file, Map.of("LLM_UPSTREAM_API_KEY", "other"))).isEqualTo(KEY);
        assertThat(GatewayCommand.upstreamKey(null, Map.of("LLM_UPSTREAM_API_KEY", " other "))).isEqualTo("other");
        assertThat(GatewayCommand.upstreamKey(null, Map.of("LLM_UPSTREAM_API_KEY", " "))).isNull();
        assertThat(GatewayCommand.upstreamKey(null, Map.of())).isNull();
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> GatewayCommand.upstreamKey(file, Map.of())).hasMessageContaining("is empty")
                .message().doesNotContain(KEY);
    }

    @Test
    void upstreamsComeFromFlagsElseTheEnvironment() {
        GatewayCommand fromEnv = new GatewayCommand(System.out, null,
                Map.of("LLM_UPSTREAM_URL", "http://a:11434, b=http://b:8000/v1", "OLLAMA_BASE_URL", "http://ignored:1"));
        GatewayCommand ollama = new GatewayCommand(System.out, null, Map.of("OLLAMA_BASE_URL", "http://o:11434"));
        GatewayCommand none = new GatewayCommand(System.out, null, Map.of("CORS_ORIGINS", "https://x.example,*"));

        assertThat(fromEnv.upstreamSpecs()).containsExactly("http://a:11434", "b=http://b:8000/v1");
        assertThat(ollama.upstreamSpecs()).containsExactly("http://o:11434");
        assertThat(none.upstreamSpecs()).containsExactly("http://localhost:11434");
        assertThat(none.origins()).containsExactly("https://x.example", "*");
    }
}
