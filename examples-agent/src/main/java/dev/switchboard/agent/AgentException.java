package dev.switchboard.agent;

import dev.switchboard.core.error.LlmException;

/**
 * The root of the agent runtime's own failures; a subclass of core's {@link LlmException}, so one
 * {@code catch} covers a run's model errors and its agent errors alike. Failures of the model call
 * itself (connection, 4xx, 5xx, a broken stream) are not wrapped: they reach the caller as the
 * client threw them. {@link #status()} is 0: no HTTP response is behind these.
 */
public class AgentException extends LlmException {

    /**
     * @param message what went wrong, for people
     * @param cause   the underlying failure, or null
     */
    public AgentException(String message, Throwable cause) {
        super(message, 0, null, null, cause);
    }
}
