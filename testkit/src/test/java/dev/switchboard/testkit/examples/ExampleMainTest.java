package dev.switchboard.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A child process that misbehaves costs a bounded wait and a named failure, never a hung build. */
@Timeout(30)
class ExampleMainTest {

    @BeforeAll
    static void needsBash() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash here: these children are bash one-liners");
    }

    @Test
    void aChildThatNeverExitsIsKilledAndNamedWithWhatItPrinted() {
        ProcessBuilder child = new ProcessBuilder("/bin/bash", "-c", "echo started; sleep 600");

        assertThatThrownBy(() -> ExampleMain.run(child, "the sleeper", Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the sleeper did not exit by itself within 2 s")
                .hasMessageContaining("started");
    }

    @Test
    void aGrandchildHoldingTheOutputOpenDoesNotBlockTheCaller() throws Exception {
        // Reading the output to its end before waitFor, as RequestFilesTest did, blocks for as long as the
        // grandchild lives: 600 s here.
        ProcessBuilder child = new ProcessBuilder("/bin/bash", "-c", "sleep 600 & echo done");

        ExampleMain run = ExampleMain.run(child, "the parent", Duration.ofSeconds(2));

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("done");
    }

    @Test
    void aChildThatExitsGivesItsStatusAndOutput() throws Exception {
        ExampleMain run = ExampleMain.run(new ProcessBuilder("/bin/bash", "-c", "echo out; echo err >&2; exit 3"),
                "the failing child");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.output()).contains("out\n", "err\n");
    }
}
