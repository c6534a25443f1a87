package dev.switchboard.agent;

import java.time.Duration;
import java.util.Objects;

import dev.switchboard.core.ToolCall;

/**
 * What happened to one tool call: the call as the model made it, and the tool message content sent
 * back for it (under the call's own id).
 *
 * @param agent   the name of the agent whose model made the call
 * @param call    the call, id, name and arguments as received
 * @param output  the content of the {@code role: tool} message answering it: the tool's result, or
 *                for any other status a JSON object {@code {"error": "..."}} saying what went wrong
 * @param status  how it ended
 * @param elapsed how long the tool ran (zero when it did not run)
 */
public record ToolRun(String agent, ToolCall call, String output, Status status, Duration elapsed) {

    /** How a tool call ended. Every status but {@link #OK} is reported to the model as an error. */
    public enum Status {
        /** The tool ran and returned. */
        OK,
        /** A hand-off tool: the conversation passed to another agent. */
        HANDOFF,
        /** No tool of that name is offered. */
        UNKNOWN_TOOL,
        /** The arguments were not JSON, did not match the schema, or could not be converted. */
        INVALID_ARGUMENTS,
        /** The tool threw. */
        FAILED,
        /** The tool ran past its timeout and was interrupted. */
        TIMED_OUT,
        /** A second hand-off in the same turn; only the first is followed. */
        IGNORED
    }

    /** @throws NullPointerException if a field is null */
    public ToolRun {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
