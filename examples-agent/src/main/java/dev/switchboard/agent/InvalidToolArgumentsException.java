package dev.switchboard.agent;

import java.util.List;

/**
 * The arguments of a tool call are not valid JSON, or do not match the tool's JSON Schema, or
 * cannot be converted to the method's parameter types. Thrown by {@link FunctionTool#call(String)};
 * the {@link Runner} never lets it out: it sends {@link #getMessage()} back to the model as the tool
 * message, so the model can correct itself.
 */
public class InvalidToolArgumentsException extends AgentException {

    private final List<String> problems;

    /**
     * @param message  what went wrong, naming the tool
     * @param problems one line per problem (for a schema mismatch, one per violated keyword)
     * @param cause    the parse or conversion failure, or null
     */
    public InvalidToolArgumentsException(String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, e.g. {@code $: required property 'a' not found}; never empty. */
    public List<String> problems() {
        return problems;
    }
}
