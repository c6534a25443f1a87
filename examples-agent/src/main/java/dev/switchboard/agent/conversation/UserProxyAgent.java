package dev.switchboard.agent.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.FunctionTool;
import dev.switchboard.agent.ToolExecutor;
import dev.switchboard.agent.ToolRun;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatResponse;

/**
 * The user's side of a two-agent conversation, in AutoGen's style ({@code UserProxyAgent} with
 * {@code human_input_mode="NEVER"}): it starts the conversation, runs the tools the assistant asks
 * for (AutoGen: {@code register_for_execution}), and otherwise answers with a default automatic
 * reply, until the assistant sends a termination message or the proxy has replied automatically
 * {@code maxConsecutiveAutoReply} times in a row.
 *
 * <p>It executes no code: unlike AutoGen's proxy, there is no code-execution step, and the only
 * things it runs are the {@link FunctionTool}s it was given. A failing tool is answered as the
 * {@link dev.switchboard.agent.Runner} answers it ({@link ToolRun.Status}).
 *
 * <p>Thread-safe; {@link #close()} stops its tool threads.
 */
public final class UserProxyAgent implements AutoCloseable {

    /** AutoGen's default {@code max_consecutive_auto_reply}: 100. */
    public static final int DEFAULT_MAX_CONSECUTIVE_AUTO_REPLY = 100;

    private final String name;
    private final List<FunctionTool> tools;
    private final int maxConsecutiveAutoReply;
    private final String defaultAutoReply;
    private final Predicate<String> isTerminationMessage;
    private final Duration toolTimeout;
    private final ToolExecutor executor = new ToolExecutor();

    /**
     * @param name                    the proxy's name
     * @param tools                   the tools it runs for the assistant; may be empty
     * @param maxConsecutiveAutoReply the most automatic replies in a row, 0 or more (0: the
     *                                conversation ends after the assistant's first answer)
     * @param defaultAutoReply        what it says when the assistant answered without tools and
     *                                without terminating; AutoGen's default is empty
     * @param isTerminationMessage    tests the assistant's text; see {@link #endsWithTerminate}
     * @throws IllegalArgumentException if {@code maxConsecutiveAutoReply} is negative or the name blank
     */
    public UserProxyAgent(String name, List<FunctionTool> tools, int maxConsecutiveAutoReply, String defaultAutoReply,
            Predicate<String> isTerminationMessage) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an agent needs a name");
        }
        if (maxConsecutiveAutoReply < 0) {
            throw new IllegalArgumentException("maxConsecutiveAutoReply must not be negative, was " + maxConsecutiveAutoReply);
        }
        this.name = name;
        this.tools = List.copyOf(tools);
        this.maxConsecutiveAutoReply = maxConsecutiveAutoReply;
        this.defaultAutoReply = Objects.requireNonNull(defaultAutoReply, "defaultAutoReply");
        this.isTerminationMessage = Objects.requireNonNull(isTerminationMessage, "isTerminationMessage");
        this.toolTimeout = Agent.DEFAULT_TOOL_TIMEOUT;
    }

    /**
     * A proxy with AutoGen's defaults: up to {@link #DEFAULT_MAX_CONSECUTIVE_AUTO_REPLY} automatic
     * replies, an empty default reply, and {@link #endsWithTerminate} as the termination test.
     */
    public static UserProxyAgent of(String name, List<FunctionTool> tools) {
        return new UserProxyAgent(name, tools, DEFAULT_MAX_CONSECUTIVE_AUTO_REPLY, "", UserProxyAgent::endsWithTerminate);
    }

    /** The usual termination test: the text, trimmed, ends with {@code TERMINATE}. */
    public static boolean endsWithTerminate(String text) {
        return text != null && text.strip().endsWith("TERMINATE");
    }

    /** The proxy's name. */
    public String name() {
        return name;
    }

    /**
     * Sends {@code message} to {@code assistant} and goes on until a stop condition:
     * <ol>
     *   <li>the assistant answers (one model call);</li>
     *   <li>if it asked for tools, the proxy runs them all and sends their results (one automatic
     *       reply), then back to 1;</li>
     *   <li>if its text is a termination message, the conversation ends ({@code TERMINATED});</li>
     *   <li>else the proxy sends {@code defaultAutoReply} (one automatic reply), then back to 1.</li>
     * </ol>
     * Before each automatic reply, if {@code maxConsecutiveAutoReply} were already sent, the
     * conversation ends ({@code MAX_CONSECUTIVE_AUTO_REPLY}) instead. So the assistant is called at
     * most {@code maxConsecutiveAutoReply + 1} times.
     *
     * @throws dev.switchboard.core.error.LlmException from the assistant's model call
     */
    public ConversationResult initiateChat(AssistantAgent assistant, String message) {
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user(message)));
        List<ToolRun> runs = new ArrayList<>();
        int autoReplies = 0;
        while (true) {
            ChatResponse reply = assistant.generateReply(messages);
            messages.add(reply.message());
            if (reply.toolCalls().isEmpty() && isTerminationMessage.test(reply.text())) {
                return result(messages, reply, ConversationResult.StopReason.TERMINATED, autoReplies, runs);
            }
            if (autoReplies >= maxConsecutiveAutoReply) {
                return result(messages, reply, ConversationResult.StopReason.MAX_CONSECUTIVE_AUTO_REPLY, autoReplies, runs);
            }
            autoReplies++;
            if (reply.toolCalls().isEmpty()) {
                messages.add(ChatMessage.user(defaultAutoReply));
                continue;
            }
            for (ToolRun run : executor.execute(name, tools, toolTimeout, reply.toolCalls())) {
                runs.add(run);
                messages.add(ChatMessage.tool(run.call().id(), run.output()));
            }
        }
    }

    private static ConversationResult result(List<ChatMessage> messages, ChatResponse last,
            ConversationResult.StopReason reason, int autoReplies, List<ToolRun> runs) {
        String text = last.text().strip();
        String summary = text.endsWith("TERMINATE") ? text.substring(0, text.length() - "TERMINATE".length()).strip() : text;
        return new ConversationResult(messages, summary, reason, autoReplies, runs);
    }

    /** Stops the tool threads. Idempotent. */
    @Override
    public void close() {
        executor.close();
    }
}
