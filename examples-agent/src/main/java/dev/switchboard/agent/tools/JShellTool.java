package dev.switchboard.agent.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.switchboard.agent.Param;
import dev.switchboard.agent.Tool;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The one code-execution tool, and it is <b>off unless you add it</b>: no agent, runner or user
 * proxy has it by default. {@code Agent.builder(...).tools(new JShellTool(...))} is the explicit
 * enabling. It runs Java code the model wrote in a fresh JShell per call.
 *
 * <p><b>Not a sandbox.</b> JShell runs the snippets in a separate JVM that it launches, so a crash,
 * an endless loop or {@code System.exit} cannot take the application down, and the JVM is killed
 * after the timeout; but that JVM runs as the same user, with the same files and network. Enable it
 * only where the model's code may do anything that user may.
 *
 * <p>Each call: a new JShell (no state kept between calls), the code split into complete snippets
 * and evaluated in order; the answer lists what was printed and the value of each expression, or
 * the compiler's diagnostics for a rejected snippet, or the exception a snippet threw; evaluation
 * stops at the first failure.
 */
public final class JShellTool implements AutoCloseable {

    private final Duration timeout;
    private final List<String> jvmOptions;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jshell-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param timeout the longest one call may evaluate before its JVM is stopped; positive. Give the
     *                agent a larger tool timeout than this (JShell's JVM takes a second or two to start).
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public JShellTool(Duration timeout) {
        this(timeout, List.of());
    }

    /** As {@link #JShellTool(Duration)}, with options for JShell's JVM (the tests start one that cannot start). */
    JShellTool(Duration timeout, List<String> jvmOptions) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Evaluates {@code code}.
     *
     * @return lines: {@code printed: ...} for console output, {@code NAME ==> VALUE} for each value,
     *         or {@code rejected: ...}, {@code exception: ...}, {@code timed out after N ms}
     * @throws IllegalStateException "JShell failed: ..." when JShell itself fails (its JVM does not start,
     *         or dies other than by the timeout); the agent runtime reports it as a failed tool run
     */
    @Tool("Runs Java code (statements, expressions, declarations) in a fresh JShell in a separate JVM "
            + "and returns what it printed and the value of each expression")
    public String run_java(@Param("the Java code, e.g. var x = 6 * 7; System.out.println(x);") String code) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        AtomicBoolean stopped = new AtomicBoolean();
        try (JShell shell = JShell.builder().out(console).err(console).remoteVMOptions(jvmOptions.toArray(String[]::new)).build()) {
            ScheduledFuture<?> kill = watchdog.schedule(() -> {
                stopped.set(true);
                shell.stop();
                shell.close();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                evaluate(shell, code, lines);
            } finally {
                kill.cancel(false);
            }
        } catch (IllegalStateException failed) {
            // JShell throws IllegalStateException once the watchdog closed it, and when its own JVM does
            // not start or dies: that is the tool failing, not the code answering nothing.
            if (!stopped.get()) {
                throw new IllegalStateException("JShell failed: " + failed.getMessage(), failed);
            }
        }
        String output = printed.toString(StandardCharsets.UTF_8).strip();
        if (!output.isEmpty()) {
            lines.add(0, "printed: " + output);
        }
        if (stopped.get()) {
            lines.add("timed out after " + timeout.toMillis() + " ms: the JShell JVM was stopped");
        }
        return lines.isEmpty() ? "ok (no output, no value)" : String.join("\n", lines);
    }

    private static void evaluate(JShell shell, String code, List<String> lines) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                lines.add("rejected: incomplete code: " + remaining.strip());
                return;
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.status() == Snippet.Status.REJECTED) {
                    String why = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null))
                            .collect(Collectors.joining("; "));
                    lines.add("rejected: " + event.snippet().source().strip() + ": " + why);
                    return;
                }
                if (event.exception() != null) {
                    lines.add("exception: " + describe(event.exception()));
                    return;
                }
                if (event.value() != null && event.causeSnippet() == null) {
                    lines.add(name(event.snippet()) + " ==> " + event.value());
                }
            }
            remaining = info.remaining();
        }
    }

    private static String name(Snippet snippet) {
        return snippet instanceof jdk.jshell.VarSnippet variable ? variable.name() : snippet.source().strip();
    }

    private static String describe(Exception exception) {
        if (exception instanceof EvalException eval) {
            return eval.getExceptionClassName() + ": " + eval.getMessage();
        }
        return exception.toString();
    }

    /** Stops the watchdog thread. Idempotent. */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
