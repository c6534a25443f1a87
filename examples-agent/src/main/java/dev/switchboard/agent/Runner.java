package dev.switchboard.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.switchboard.agent.internal.Schemas;
import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.error.LlmException;

/**
 * Runs an {@link Agent} to a final answer over any {@link LlmClient} (OpenAI Agents SDK:
 * {@code Runner}). The loop: send the conversation with the agent's tools; if the answer has
 * {@code tool_calls}, append it, run every call and append one {@code role: tool} message per call
 * under the call's own id, then ask again; stop at the first answer without tool calls. Every
 * request carries the running agent's model, temperature and {@link Agent#maxTokens()}.
 *
 * <p>What never stops a run: a tool that throws, an unknown tool name, arguments that are not JSON
 * or do not match the tool's schema, a tool that runs past its timeout. Each comes back to the model
 * as the tool message {@code {"error": "..."}} saying what went wrong (see {@link ToolRun.Status}),
 * so the model can try again. What stops it: the turn budget ({@link MaxTurnsExceededException}),
 * and any {@link LlmException} of the model call itself, thrown as the client threw it.
 *
 * <p>Several calls in one turn run at the same time, each on a thread of this runner's pool with
 * its own timeout; their tool messages follow in the order of the calls. A hand-off (a call to an
 * agent's {@link Agent#handoffToolName()}) switches the running agent for the next turn: the
 * conversation is kept, the system message becomes the new agent's instructions.
 *
 * <p>Thread-safe; one runner may run many agents at once. {@link #close()} stops its tool threads.
 */
public final class Runner implements AutoCloseable {

    /** The default turn budget: 10 model calls (as the OpenAI Agents SDK's {@code DEFAULT_MAX_TURNS}). */
    public static final int DEFAULT_MAX_TURNS = 10;

    private static final String EMPTY_OBJECT_SCHEMA = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";

    private final LlmClient client;
    private final int maxTurns;
    private final ToolExecutor tools;

    /** A runner over {@code client} with {@link #DEFAULT_MAX_TURNS}. */
    public Runner(LlmClient client) {
        this(client, DEFAULT_MAX_TURNS);
    }

    /**
     * A runner over {@code client}.
     *
     * @param client   the model; the runner does not close it
     * @param maxTurns the most model calls one run makes, 1 or more
     * @throws IllegalArgumentException if {@code maxTurns} is below 1
     */
    public Runner(LlmClient client, int maxTurns) {
        this.client = Objects.requireNonNull(client, "client");
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be at least 1, was " + maxTurns);
        }
        this.maxTurns = maxTurns;
        this.tools = new ToolExecutor();
    }

    /** The turn budget of every run. */
    public int maxTurns() {
        return maxTurns;
    }

    /** Runs {@code agent} on one user message, blocking; see {@link #run(Agent, List)}. */
    public RunResult run(Agent agent, String input) {
        return run(agent, List.of(ChatMessage.user(input)));
    }

    /**
     * Runs {@code agent} on a conversation, blocking, with non-streaming model calls.
     *
     * @param input the conversation so far (e.g. a previous {@link RunResult#messages()} plus a new
     *              user message); not empty
     * @throws IllegalArgumentException   if {@code input} is empty
     * @throws ToolsNotSupportedException if an agent with tools or hand-offs runs on a client
     *                                    without {@link Capability#TOOLS}
     * @throws MaxTurnsExceededException  if the model still calls tools after {@link #maxTurns()} calls
     * @throws LlmException               from the model call, as the client threw it
     */
    public RunResult run(Agent agent, List<ChatMessage> input) {
        return loop(agent, input, false, event -> {
        });
    }

    /** Runs {@code agent} on one user message, streaming; see {@link #runStreamed(Agent, List, Consumer)}. */
    public RunResult runStreamed(Agent agent, String input, Consumer<? super AgentEvent> onEvent) {
        return runStreamed(agent, List.of(ChatMessage.user(input)), onEvent);
    }

    /**
     * Runs {@code agent} with streaming model calls, passing every {@link AgentEvent} to
     * {@code onEvent} as it happens: text deltas while the model writes, then tool activity. On a
     * client without {@link Capability#STREAMING} each turn is one non-streaming call, delivered as
     * one delta.
     *
     * @param onEvent called on this thread; an exception it throws ends the run
     * @return the same result {@link #run(Agent, List)} would give
     * @throws IllegalArgumentException   if {@code input} is empty
     * @throws ToolsNotSupportedException as {@link #run(Agent, List)}
     * @throws MaxTurnsExceededException  as {@link #run(Agent, List)}
     * @throws LlmException               from the model call, e.g. a
     *                                    {@link dev.switchboard.core.error.StreamInterruptedException}
     */
    public RunResult runStreamed(Agent agent, List<ChatMessage> input, Consumer<? super AgentEvent> onEvent) {
        return loop(agent, input, true, Objects.requireNonNull(onEvent, "onEvent"));
    }

    private RunResult loop(Agent agent, List<ChatMessage> input, boolean streaming, Consumer<? super AgentEvent> onEvent) {
        Objects.requireNonNull(agent, "agent");
        if (input.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one input message");
        }
        List<ChatMessage> history = new ArrayList<>(input);
        List<ToolRun> runs = new ArrayList<>();
        Agent current = agent;
        for (int turn = 1; turn <= maxTurns; turn++) {
            ChatRequest request = requestFor(current, history);
            ChatResponse response = streaming ? streamTurn(current, request, onEvent) : client.chat(request);
            onEvent.accept(new AgentEvent.TurnCompleted(current.name(), turn, response));
            history.add(response.message());
            if (response.toolCalls().isEmpty()) {
                return new RunResult(response.text(), current, history, runs, turn);
            }
            Agent next = answerToolCalls(current, response.toolCalls(), history, runs, onEvent);
            if (next != null) {
                onEvent.accept(new AgentEvent.Handoff(current.name(), next.name()));
                current = next;
            }
        }
        throw new MaxTurnsExceededException(maxTurns, history);
    }

    private ChatRequest requestFor(Agent agent, List<ChatMessage> history) {
        boolean hasTools = !agent.tools().isEmpty() || !agent.handoffs().isEmpty();
        if (hasTools && !client.capabilities().supports(Capability.TOOLS)) {
            throw new ToolsNotSupportedException(client.capabilities().reasonUnsupported(Capability.TOOLS));
        }
        ChatRequest.Builder request = ChatRequest.builder().model(agent.model()).temperature(agent.temperature())
                .maxTokens(agent.maxTokens());
        if (!agent.instructions().isEmpty()) {
            request.system(agent.instructions());
        }
        history.forEach(request::addMessage);
        agent.tools().forEach(tool -> request.addTool(tool.spec()));
        for (Agent target : agent.handoffs()) {
            String about = target.handoffDescription().isEmpty() ? "" : " " + target.handoffDescription();
            request.addTool(new ToolSpec(target.handoffToolName(),
                    "Handoff to the " + target.name() + " agent to handle the request." + about, EMPTY_OBJECT_SCHEMA));
        }
        return request.build();
    }

    private ChatResponse streamTurn(Agent agent, ChatRequest request, Consumer<? super AgentEvent> onEvent) {
        if (!client.capabilities().supports(Capability.STREAMING)) {
            ChatResponse response = client.chat(request);
            if (!response.text().isEmpty()) {
                onEvent.accept(new AgentEvent.TextDelta(agent.name(), response.text()));
            }
            return response;
        }
        try (ChatStream stream = client.stream(request)) {
            return stream.collect(event -> {
                if (event instanceof ChatEvent.TextDelta delta) {
                    onEvent.accept(new AgentEvent.TextDelta(agent.name(), delta.text()));
                } else if (event instanceof ChatEvent.ReasoningDelta delta) {
                    onEvent.accept(new AgentEvent.ReasoningDelta(agent.name(), delta.text()));
                }
            });
        }
    }

    /** Answers every call of one turn, in order; returns the hand-off target, or null. */
    private Agent answerToolCalls(Agent agent, List<ToolCall> calls, List<ChatMessage> history, List<ToolRun> runs,
            Consumer<? super AgentEvent> onEvent) {
        calls.forEach(call -> onEvent.accept(new AgentEvent.ToolCallRequested(agent.name(), call)));
        List<ToolCall> toolCalls = new ArrayList<>();
        for (ToolCall call : calls) {
            if (agent.handoffFor(call.name()) == null) {
                toolCalls.add(call);
            }
        }
        Iterator<ToolRun> toolRuns = tools.execute(agent.name(), agent.tools(), agent.toolTimeout(), toolCalls).iterator();
        Agent next = null;
        for (ToolCall call : calls) {
            Agent target = agent.handoffFor(call.name());
            ToolRun run;
            if (target == null) {
                run = toolRuns.next();
            } else if (next == null) {
                next = target;
                run = new ToolRun(agent.name(), call, Schemas.JSON.createObjectNode().put("assistant", target.name())
                        .toString(), ToolRun.Status.HANDOFF, Duration.ZERO);
            } else {
                run = new ToolRun(agent.name(), call, ToolExecutor.error("Multiple handoffs detected, ignoring this "
                        + "one: the conversation went to '" + next.name() + "'"), ToolRun.Status.IGNORED, Duration.ZERO);
            }
            runs.add(run);
            history.add(ChatMessage.tool(call.id(), run.output()));
            onEvent.accept(new AgentEvent.ToolCallCompleted(agent.name(), run));
        }
        return next;
    }

    /** Stops the tool threads; a tool still running is interrupted. Idempotent; the client stays open. */
    @Override
    public void close() {
        tools.close();
    }
}
