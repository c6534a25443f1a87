package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The gateway's command never shows a key: not in a usage error, not in an upstream it refuses. */
class GatewayCommandSecretsTest {

    private static final String KEY = "sk-gateway-secret-4242";

    @Test
    void aKeyAfterAMistypedOptionIsNotEchoed() {
        StringWriter err = new StringWriter();
        CommandLine cli = GatewayCommand.commandLine(new GatewayCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new CountDownLatch(0), Map.of()));
        cli.setErr(new PrintWriter(err, true));

        int status = cli.execute("--upstream-api-key", KEY, "--apikey=" + KEY);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).doesNotContain(KEY)
                .contains("error: unknown options [--upstream-api-key, --apikey]")
                .contains("one may be a key").contains("--upstream-api-key-file");
    }

    @Test
    void anUpstreamOfAnotherSchemeIsRefusedWithoutItsCredentials() {
        assertThatThrownBy(() -> UpstreamSpecs.parse("gpu=ftp://user:" + KEY + "@gpu1:11434", null, Duration.ofSeconds(1),
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an upstream is [NAME=]http(s)://host:port[/v1], was 'gpu=ftp://user:***@gpu1:11434'");
    }
}
