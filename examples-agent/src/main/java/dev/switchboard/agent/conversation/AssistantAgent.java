package dev.switchboard.agent.conversation;

import java.util.List;
import java.util.Objects;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.FunctionTool;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.LlmClient;

/**
 * The model's side of a two-agent conversation (AutoGen: {@code AssistantAgent}): it answers each
 * message with the model, and may suggest tool calls, which the {@link UserProxyAgent} runs. It
 * runs nothing itself. Immutable and thread-safe if the client is.
 *
 * @param name          the agent's name in the transcript
 * @param systemMessage the system message of every request; may be empty for none
 * @param client        the model; not closed by this agent
 * @param model         the model name, or null for the client's endpoint default
 * @param tools         the tools whose specs the model is offered (AutoGen: {@code register_for_llm});
 *                      the proxy must hold the same tools to run them
 * @param maxTokens     the most tokens the model may generate per reply ({@code max_tokens}), sent
 *                      on every request; positive; {@link Agent#DEFAULT_MAX_TOKENS}
 *                      unless given
 */
public record AssistantAgent(String name, String systemMessage, LlmClient client, String model, List<FunctionTool> tools,
        int maxTokens) {

    /**
     * AutoGen's idea of the default system message, shortened: solve the task, say TERMINATE when
     * done (which {@link UserProxyAgent#isTerminationMessage} looks for).
     */
    public static final String DEFAULT_SYSTEM_MESSAGE = "You are a helpful AI assistant. Solve the task step by step, "
            + "using the tools when they help. When the task is done, give the answer and end your message with "
            + "the word TERMINATE.";

    /**
     * @throws IllegalArgumentException if {@code name} is blank or {@code maxTokens} is not positive
     * @throws NullPointerException     if the system message, client or tools are null
     */
    public AssistantAgent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an agent needs a name");
        }
        Objects.requireNonNull(systemMessage, "systemMessage");
        Objects.requireNonNull(client, "client");
        tools = List.copyOf(tools);
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
    }

    /**
     * An assistant whose replies are bounded by {@link Agent#DEFAULT_MAX_TOKENS}.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws NullPointerException     if the system message, client or tools are null
     */
    public AssistantAgent(String name, String systemMessage, LlmClient client, String model, List<FunctionTool> tools) {
        this(name, systemMessage, client, model, tools, Agent.DEFAULT_MAX_TOKENS);
    }

    /** An assistant with {@link #DEFAULT_SYSTEM_MESSAGE}, the endpoint's model and these tools' specs. */
    public static AssistantAgent of(String name, LlmClient client, List<FunctionTool> tools) {
        return new AssistantAgent(name, DEFAULT_SYSTEM_MESSAGE, client, null, tools);
    }

    /**
     * One reply: a model call with the system message, {@code history} (the assistant's own messages
     * as {@code assistant}, the proxy's as {@code user} and {@code tool}), the tools' specs and
     * {@link #maxTokens()}.
     *
     * @throws dev.switchboard.core.error.LlmException from the client
     */
    public ChatResponse generateReply(List<ChatMessage> history) {
        ChatRequest.Builder request = ChatRequest.builder().model(model).maxTokens(maxTokens);
        if (!systemMessage.isEmpty()) {
            request.system(systemMessage);
        }
        history.forEach(request::addMessage);
        tools.forEach(tool -> request.addTool(tool.spec()));
        return client.chat(request.build());
    }
}
