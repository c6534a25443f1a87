package dev.switchboard.agent;

/**
 * The agent has tools (or hand-offs), but the {@link dev.switchboard.core.LlmClient} declares
 * {@link dev.switchboard.core.Capability#TOOLS} unsupported. Thrown by the {@link Runner} before
 * any request is sent.
 */
public class ToolsNotSupportedException extends AgentException {

    private final String reason;

    /** @param reason the client's reason, from {@code capabilities().reasonUnsupported(TOOLS)} */
    public ToolsNotSupportedException(String reason) {
        super("this client does not support tools: " + reason, null);
        this.reason = reason;
    }

    /** The client's own reason. */
    public String reason() {
        return reason;
    }
}
