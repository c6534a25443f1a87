package dev.switchboard.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An agent: a name, instructions, tools, the agents it may hand off to, and a model (as in the
 * OpenAI Agents SDK's {@code Agent}). Immutable; build with {@link #builder(String)}; run with a
 * {@link Runner}.
 *
 * <pre>{@code
 * Agent agent = Agent.builder("calculator")
 *         .instructions("Answer with exact arithmetic. Use the tools.")
 *         .tools(new Calculator())
 *         .build();
 * }</pre>
 *
 * @param name               a name for people and for hand-off tool names; not blank
 * @param instructions       the system message of every request while this agent runs; may be empty
 * @param model              the model name, or null for the client's endpoint default
 * @param tools              the tools it may call, names unique; may be empty
 * @param handoffs           the agents it may hand the conversation to; each offered to the model as
 *                           a tool named {@link #handoffToolName()} of that agent
 * @param handoffDescription what another agent's model reads about this agent when it may hand
 *                           off to it; may be empty
 * @param toolTimeout        the longest a tool may run unless its {@link Tool#timeoutMillis()} says
 *                           otherwise; positive; default 30 s
 * @param temperature        sampling temperature 0–2, or null for the server default
 * @param maxTokens          the most tokens the model may generate per turn ({@code max_tokens};
 *                           Ollama's native styles send it as {@code options.num_predict}); sent on
 *                           every request so a model that does not stop ends there instead of
 *                           filling the context and failing the next turn; positive; default
 *                           {@link #DEFAULT_MAX_TOKENS}
 */
public record Agent(String name, String instructions, String model, List<FunctionTool> tools, List<Agent> handoffs,
        String handoffDescription, Duration toolTimeout, Double temperature, int maxTokens) {

    /** The default {@link #toolTimeout()}: 30 seconds. */
    public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The default {@link #maxTokens()}: 512 tokens per turn, as every example file and the tour
     * bound their answers; enough for a tool call or a paragraph of answer.
     */
    public static final int DEFAULT_MAX_TOKENS = 512;

    /**
     * Copies the lists and checks the values.
     *
     * @throws IllegalArgumentException if the name is blank, two tools (hand-offs included) share a
     *                                  name, or the timeout or {@code maxTokens} is not positive
     * @throws NullPointerException     if a list, the instructions or the timeout is null
     */
    public Agent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an agent needs a name");
        }
        Objects.requireNonNull(instructions, "instructions");
        tools = List.copyOf(tools);
        handoffs = List.copyOf(handoffs);
        handoffDescription = handoffDescription == null ? "" : handoffDescription;
        Objects.requireNonNull(toolTimeout, "toolTimeout");
        if (toolTimeout.isZero() || toolTimeout.isNegative()) {
            throw new IllegalArgumentException("toolTimeout must be positive, was " + toolTimeout);
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
        Set<String> names = new HashSet<>();
        for (FunctionTool tool : tools) {
            if (!names.add(tool.name())) {
                throw new IllegalArgumentException("agent '" + name + "' has two tools named '" + tool.name() + "'");
            }
        }
        for (Agent target : handoffs) {
            if (!names.add(target.handoffToolName())) {
                throw new IllegalArgumentException("agent '" + name + "' has two tools named '"
                        + target.handoffToolName() + "'");
            }
        }
    }

    /** Starts a builder for an agent named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this agent's values, for a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.instructions = instructions;
        b.model = model;
        b.tools.addAll(tools);
        b.handoffs.addAll(handoffs);
        b.handoffDescription = handoffDescription;
        b.toolTimeout = toolTimeout;
        b.temperature = temperature;
        b.maxTokens = maxTokens;
        return b;
    }

    /**
     * The name of the tool that hands off to this agent: {@code transfer_to_} and the name in lower
     * case, every character outside {@code [a-z0-9_-]} replaced by {@code _} (the OpenAI Agents SDK's
     * convention), e.g. {@code transfer_to_billing_agent} for "Billing agent".
     */
    public String handoffToolName() {
        String snake = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        String tool = "transfer_to_" + snake;
        return tool.length() <= 64 ? tool : tool.substring(0, 64);
    }

    /** The tool named {@code name}, or null. */
    public FunctionTool tool(String toolName) {
        for (FunctionTool tool : tools) {
            if (tool.name().equals(toolName)) {
                return tool;
            }
        }
        return null;
    }

    /** The hand-off target whose {@link #handoffToolName()} is {@code toolName}, or null. */
    public Agent handoffFor(String toolName) {
        for (Agent target : handoffs) {
            if (target.handoffToolName().equals(toolName)) {
                return target;
            }
        }
        return null;
    }

    /** Builds an {@link Agent}; one setter per field. */
    public static final class Builder {
        private final String name;
        private String instructions = "";
        private String model;
        private final List<FunctionTool> tools = new ArrayList<>();
        private final List<Agent> handoffs = new ArrayList<>();
        private String handoffDescription = "";
        private Duration toolTimeout = DEFAULT_TOOL_TIMEOUT;
        private Double temperature;
        private int maxTokens = DEFAULT_MAX_TOKENS;

        private Builder(String name) {
            this.name = name;
        }

        /** Sets the instructions (the system message); default empty (no system message). */
        public Builder instructions(String instructions) {
            this.instructions = Objects.requireNonNull(instructions, "instructions");
            return this;
        }

        /** Sets the model; null (the default) means the client's endpoint default. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Adds the {@link Tool} methods of each object, see {@link FunctionTool#fromObject(Object)}.
         *
         * @throws IllegalArgumentException as {@link FunctionTool#fromObject(Object)}
         */
        public Builder tools(Object... toolObjects) {
            for (Object object : toolObjects) {
                tools.addAll(FunctionTool.fromObject(object));
            }
            return this;
        }

        /** Adds tools already made. */
        public Builder addTools(List<FunctionTool> functionTools) {
            tools.addAll(functionTools);
            return this;
        }

        /** Adds agents this one may hand off to. */
        public Builder handoffs(Agent... targets) {
            handoffs.addAll(List.of(targets));
            return this;
        }

        /** Sets what other agents read about this one when they may hand off to it. */
        public Builder handoffDescription(String handoffDescription) {
            this.handoffDescription = handoffDescription;
            return this;
        }

        /** Sets the default tool timeout; positive; default {@link #DEFAULT_TOOL_TIMEOUT}. */
        public Builder toolTimeout(Duration toolTimeout) {
            this.toolTimeout = toolTimeout;
            return this;
        }

        /** Sets the temperature, 0 to 2 (checked when a request is built); null for the server default. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets the most tokens the model may generate per turn ({@code max_tokens}); positive
         * (checked by {@link #build()}); default {@link #DEFAULT_MAX_TOKENS}.
         */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Returns the agent.
         *
         * @throws IllegalArgumentException as the {@link Agent} constructor
         */
        public Agent build() {
            return new Agent(name, instructions, model, tools, handoffs, handoffDescription, toolTimeout, temperature,
                    maxTokens);
        }
    }
}
