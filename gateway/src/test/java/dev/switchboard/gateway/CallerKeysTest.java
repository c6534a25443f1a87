package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.cli.Secrets;
import dev.switchboard.server.engine.ScriptedEngine;

/** Several caller keys, in either header, from flags, files or the environment; never echoed. */
class CallerKeysTest {

    private static final String FIRST = "sk-first-0123456789";
    private static final String SECOND = "sk-second-abcdef";

    @Test
    void anyOfSeveralKeysIsAcceptedInEitherHeaderAndNothingElse() {
        try (SwitchboardServer upstream = SwitchboardServer.start(new ScriptedEngine());
                SwitchboardServer gateway = SwitchboardServer.builder()
                        .engine(Gateways.engine(Duration.ofHours(1), "up=" + upstream.openAiBaseUrl()))
                        .apiKeys(List.of(FIRST, SECOND)).start()) {
            assertThat(models(gateway, "Authorization", "Bearer " + FIRST).statusCode()).isEqualTo(200);
            assertThat(models(gateway, "Authorization", "bearer " + SECOND).statusCode()).isEqualTo(200);
            assertThat(models(gateway, "x-api-key", SECOND).statusCode()).isEqualTo(200);

            for (String[] wrong : new String[][] {{"Authorization", "Bearer " + FIRST.substring(0, 10)},
                    {"Authorization", "Bearer " + FIRST + "x"}, {"Authorization", FIRST}, {"x-api-key", "Bearer " + FIRST},
                    {"x-api-key", "sk-third"}}) {
                HttpResponse<String> refused = models(gateway, wrong[0], wrong[1]);
                assertThat(refused.statusCode()).as("%s: %s", wrong[0], wrong[1]).isEqualTo(401);
                assertThat(refused.body()).contains("Invalid API Key").doesNotContain("sk-");
                assertThat(refused.headers().map().toString()).doesNotContain("sk-");
            }
            HttpResponse<String> health = Gateways.get(gateway, "/health"); // open to load balancers
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aKeyNoHeaderCouldCarryIsRefusedWithoutBeingNamed() {
        assertThatThrownBy(() -> SwitchboardServer.builder().apiKeys(List.of(FIRST, "has space")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("API key 2 of 2 is empty or holds a space, control or non-ASCII character");
        assertThatThrownBy(() -> SwitchboardServer.builder().apiKeys(List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysComeFromFlagsAndFilesElseTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# one per line\n" + SECOND + "\n\n  sk-third  \n");
        Map<String, String> env = Map.of("SWITCHBOARD_API_KEY", "sk-env-1, sk-env-2");

        assertThat(Secrets.readAll(List.of(FIRST), List.of(file), "SWITCHBOARD_API_KEY", env))
                .containsExactly(FIRST, SECOND, "sk-third");
        assertThat(Secrets.readAll(List.of(), List.of(), "SWITCHBOARD_API_KEY", env)).containsExactly("sk-env-1", "sk-env-2");
        assertThat(Secrets.readAll(List.of(), List.of(), "SWITCHBOARD_API_KEY", Map.of())).isEmpty();
        Files.writeString(file, "# no key here\n");
        assertThatThrownBy(() -> Secrets.readAll(List.of(), List.of(file), "X", Map.of()))
                .hasMessage("the key file " + file + " holds no key");

        GatewayCommand command = new GatewayCommand(System.out, null, Map.of());
        new CommandLine(command).parseArgs("--api-key", FIRST, "--api-key", SECOND, "--api-key-file", file.toString());
        assertThat(command.apiKeys).containsExactly(FIRST, SECOND);
        assertThat(command.apiKeyFiles).containsExactly(file);
    }

    private static HttpResponse<String> models(SwitchboardServer gateway, String header, String value) {
        return Gateways.send(HttpRequest.newBuilder(URI.create(gateway.openAiBaseUrl() + "/models"))
                .header(header, value).GET().build());
    }
}
