package dev.switchboard.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.agent.internal.Schemas;
import dev.switchboard.core.ToolCall;

/**
 * Runs the tool calls of one model turn: all at once, each on a thread of this executor's pool
 * with its own timeout, and turns every way a call can fail into a {@link ToolRun} whose output is
 * {@code {"error": "..."}} — an unknown name, arguments that are not JSON or miss the schema, a tool
 * that throws, a tool past its timeout (interrupted). Used by the {@link Runner} and by the
 * two-agent conversation's {@link dev.switchboard.agent.conversation.UserProxyAgent}.
 *
 * <p>Thread-safe. Its threads are daemon threads; {@link #close()} stops them.
 */
public final class ToolExecutor implements AutoCloseable {

    private final ExecutorService pool;

    /** An executor with its own cached pool of daemon threads named {@code agent-tool-N}. */
    public ToolExecutor() {
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "agent-tool-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code calls} and waits for all of them.
     *
     * @param agent          the name recorded in each {@link ToolRun}
     * @param tools          the tools offered; a call naming another is answered as unknown
     * @param defaultTimeout the timeout of a tool without its own {@link Tool#timeoutMillis()}
     * @param calls          the calls, in the model's order
     * @return one run per call, in the same order
     * @throws AgentException if this thread is interrupted while waiting (the running tools are
     *                        interrupted too), or a tool throws an {@link Error} other than
     *                        {@link LinkageError} or {@link AssertionError}
     */
    public List<ToolRun> execute(String agent, List<FunctionTool> tools, Duration defaultTimeout, List<ToolCall> calls) {
        List<Future<ToolRun>> started = new ArrayList<>();
        for (ToolCall call : calls) {
            FunctionTool tool = find(tools, call.name());
            started.add(tool == null ? null : pool.submit(() -> run(agent, tool, call)));
        }
        List<ToolRun> runs = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            FunctionTool tool = find(tools, call.name());
            if (tool == null) {
                runs.add(new ToolRun(agent, call, error(unknownTool(tools, call.name())), ToolRun.Status.UNKNOWN_TOOL,
                        Duration.ZERO));
            } else {
                runs.add(await(agent, tool, call, started.get(i), tool.timeout() != null ? tool.timeout() : defaultTimeout));
            }
        }
        return runs;
    }

    /** Runs on a tool thread: calls the tool and turns every way it can fail into a tool message. */
    private static ToolRun run(String agent, FunctionTool tool, ToolCall call) {
        long start = System.nanoTime();
        String output;
        ToolRun.Status status;
        try {
            output = tool.call(call.arguments());
            status = ToolRun.Status.OK;
        } catch (InvalidToolArgumentsException invalid) {
            output = error(invalid.getMessage());
            status = ToolRun.Status.INVALID_ARGUMENTS;
        } catch (Exception | LinkageError | AssertionError failure) {
            output = error("tool '" + tool.name() + "' failed: " + failure);
            status = ToolRun.Status.FAILED;
        }
        return new ToolRun(agent, call, output, status, Duration.ofNanos(System.nanoTime() - start));
    }

    private static ToolRun await(String agent, FunctionTool tool, ToolCall call, Future<ToolRun> future,
            Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            future.cancel(true);
            return new ToolRun(agent, call, error("tool '" + tool.name() + "' timed out after "
                    + timeout.toMillis() + " ms and was interrupted"), ToolRun.Status.TIMED_OUT, timeout);
        } catch (ExecutionException broken) {
            // run() catches every Exception; what reaches here is an Error such as OutOfMemoryError.
            throw new AgentException("tool '" + tool.name() + "' broke the runtime", broken.getCause());
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while tool '" + tool.name() + "' ran", interrupted);
        }
    }

    private static FunctionTool find(List<FunctionTool> tools, String name) {
        for (FunctionTool tool : tools) {
            if (tool.name().equals(name)) {
                return tool;
            }
        }
        return null;
    }

    private static String unknownTool(List<FunctionTool> tools, String name) {
        List<String> offered = new ArrayList<>();
        tools.forEach(tool -> offered.add(tool.name()));
        return "there is no tool named '" + name + "'; the tools are: "
                + (offered.isEmpty() ? "none" : String.join(", ", offered));
    }

    /** The tool message content for a failure: {@code {"error": message}}. */
    static String error(String message) {
        return Schemas.JSON.createObjectNode().put("error", message).toString();
    }

    /** Stops the threads, interrupting tools still running. Idempotent. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
