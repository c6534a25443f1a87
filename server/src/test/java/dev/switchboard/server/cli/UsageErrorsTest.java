package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The standalone endpoint's usage errors never echo an argument: picocli's own say
 * {@code Unknown options: '--api-kye', 'sk-...'}, and the value after a mistyped key option is a key.
 */
class UsageErrorsTest {

    private static final String KEY = "sk-serve-secret-7";

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Secrets.hidingArgumentsInUsageErrors(new CommandLine(new ServeCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new CountDownLatch(0))));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aMistypedKeyOptionIsNamedAndItsValueNotEchoed() {
        assertThat(run("--api-kye", KEY, "--apikey=" + KEY)).isEqualTo(2);

        assertThat(err.toString()).doesNotContain(KEY).contains("error: unknown options [--api-kye, --apikey]")
                .contains("Usage:");
    }

    @Test
    void aBadValueNamesItsOptionButNotTheValue() {
        assertThat(run("--port", KEY)).isEqualTo(2);

        assertThat(err.toString()).doesNotContain(KEY).contains("error: a bad value for --port");
    }
}
