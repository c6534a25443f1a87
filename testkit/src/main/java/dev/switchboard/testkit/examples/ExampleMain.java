package dev.switchboard.testkit.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example's {@code main} as a reader runs it: in a JVM of its own (this JVM's {@code java}
 * and class path), configured only by environment variables, with standard output and error merged.
 *
 * @param exitCode the JVM's exit status
 * @param output   everything it printed, line ends normalised to {@code \n}
 */
public record ExampleMain(int exitCode, String output) {

    /** How long a run may take before it counts as not exiting by itself. */
    public static final long TIMEOUT_SECONDS = 60;

    /**
     * Runs {@code className}'s {@code main} with {@code env} added to this process's environment.
     *
     * @param className the example's class, e.g. {@code dev.switchboard.examples.rawhttp.StreamingChat}
     * @param env       variables to set, e.g. {@code LLM_BASE_URL}; they replace inherited ones
     * @return the exit status and the output
     * @throws AssertionError if the JVM has not exited by itself within {@value #TIMEOUT_SECONDS} s
     *                        (it is then killed; the message holds what it printed)
     * @throws IOException    if the JVM cannot be started
     */
    public static ExampleMain run(String className, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), className)
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        // Read on another thread, so that a main that never exits cannot block the reader forever.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(')');
            }
        }, "example-main-output");
        reader.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(TimeUnit.SECONDS.toMillis(5));
            throw new AssertionError(className + " did not exit by itself within " + TIMEOUT_SECONDS
                    + " s; it printed:\n" + output);
        }
        reader.join();
        return new ExampleMain(process.exitValue(), output.toString().replace("\r\n", "\n"));
    }
}
