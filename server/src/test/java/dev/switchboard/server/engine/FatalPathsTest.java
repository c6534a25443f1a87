package dev.switchboard.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native engine's fatal paths at run time end in errors, never a dead JVM: each runs in a child
 * JVM ({@link FatalPathsMain}), which must print its outcome and {@code alive} and exit 0. The load-time
 * paths (a damaged GGUF, a template llama.cpp does not support, a file that aborts llama.cpp) are
 * {@link ModelLoadGuardTest}'s.
 */
@Timeout(180)
class FatalPathsTest {

    @TempDir
    Path dir;

    @Test
    void closingTheEngineDuringGenerationEndsTheAnswerAndTheJvmLivesOn() throws Exception {
        String output = runChild("close-during-generation");

        // before: the answer never ended, and its caller waited forever
        assertThat(output).contains("outcome: closed while generating; the answer ended: error EngineException: "
                        + "the llama.cpp engine is closed")
                .contains("outcome: the closed engine refuses: ")
                .contains("outcome: a new engine answers: true")
                .contains("\nalive");
    }

    /** Runs {@link FatalPathsMain} with {@code name}; fails with its output unless it exits 0 within 120 s. */
    private String runChild(String name) throws IOException, InterruptedException {
        Path log = dir.resolve(name + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dde.kherud.llama.tmpdir=" + System.getProperty("de.kherud.llama.tmpdir", dir.toString()),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), FatalPathsMain.class.getName(), name, dir.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String outcomes = String.join("\n", output.lines().filter(l -> l.startsWith("outcome:") || l.equals("alive")).toList());
        assertThat(exited).as("the child exited within 120 s; it printed:%n%s", output).isTrue();
        assertThat(child.exitValue()).as("exit status (134: SIGABRT, 139: SIGSEGV); outcomes:%n%s%nlast output:%n%s",
                outcomes, tail(output)).isZero();
        return output;
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
