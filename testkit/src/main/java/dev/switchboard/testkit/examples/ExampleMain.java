package dev.switchboard.testkit.examples;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
                "-cp", System.getProperty("java.class.path"), className);
        builder.environment().putAll(env);
        return run(builder, className);
    }

    /**
     * Runs any command the way {@link #run(String, Map)} runs a main: output and error merged and read
     * on a thread of their own, so that a child that never exits (or never closes its output) cannot
     * block the caller past {@value #TIMEOUT_SECONDS} s.
     *
     * @param builder the command, directory and environment; its error stream is redirected into its output
     * @param name    what to call the child in the failure message, e.g. {@code curl.sh}
     * @return the exit status and the output
     * @throws AssertionError if the child has not exited by itself within {@value #TIMEOUT_SECONDS} s
     *                        (it and its descendants are then killed; the message holds what it printed)
     * @throws IOException    if the child cannot be started
     */
    public static ExampleMain run(ProcessBuilder builder, String name) throws IOException, InterruptedException {
        return run(builder, name, Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    /**
     * {@link #run(ProcessBuilder, String)} with another bound than {@value #TIMEOUT_SECONDS} s.
     *
     * @param timeout how long the child may run, and then how long its output may stay open after it exited
     */
    public static ExampleMain run(ProcessBuilder builder, String name, Duration timeout)
            throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        // Read on another thread, so that a child that never exits cannot block the reader forever.
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                char[] buffer = new char[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    output.append(buffer, 0, n); // as it comes: a grandchild may keep the stream open
                }
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(')');
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            reader.join(TimeUnit.SECONDS.toMillis(5));
            throw new AssertionError(name + " did not exit by itself within " + timeout.toSeconds()
                    + " s; it printed:\n" + output);
        }
        // A grandchild that outlives the child may still hold the output open: do not wait for it forever.
        reader.join(timeout.toMillis());
        return new ExampleMain(process.exitValue(), output.toString().replace("\r\n", "\n"));
    }
}
