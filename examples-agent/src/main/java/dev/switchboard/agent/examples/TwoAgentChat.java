package dev.switchboard.agent.examples;

import java.util.List;

import dev.switchboard.agent.FunctionTool;
import dev.switchboard.agent.conversation.AssistantAgent;
import dev.switchboard.agent.conversation.ConversationResult;
import dev.switchboard.agent.conversation.UserProxyAgent;
import dev.switchboard.agent.tools.UnitConverter;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;

/**
 * A two-agent conversation in AutoGen's style: an {@link AssistantAgent} that may suggest
 * {@link UnitConverter} calls and a {@link UserProxyAgent} that runs them and otherwise replies
 * "Continue.", at most 4 automatic replies in a row, until the assistant ends with
 * {@code TERMINATE}.
 */
public final class TwoAgentChat {

    /** The task. */
    public static final String TASK = "A marathon is 42.195 km. How long is that in miles? Use the tool, and end with TERMINATE.";

    private TwoAgentChat() {
    }

    /**
     * Runs {@link #TASK} at the endpoint in the environment, style {@code LLM_STYLE} (default
     * {@code raw-http}), and prints the conversation.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String style = System.getenv().getOrDefault("LLM_STYLE", "raw-http");
        try (LlmClient client = LlmClients.create(style, Endpoint.fromEnvironment())) {
            ConversationResult result = run(client, TASK);
            result.messages().forEach(message -> System.out.println(message.role() + ": " + message));
            System.out.println(result.stopReason() + " after " + result.autoReplies() + " automatic replies: "
                    + result.summary());
        }
    }

    /**
     * The conversation on {@code task}.
     *
     * @throws dev.switchboard.core.error.LlmException from the assistant's model call
     */
    public static ConversationResult run(LlmClient client, String task) {
        List<FunctionTool> tools = FunctionTool.fromObject(new UnitConverter());
        AssistantAgent assistant = AssistantAgent.of("assistant", client, tools);
        try (UserProxyAgent userProxy = new UserProxyAgent("user_proxy", tools, 4, "Continue.",
                UserProxyAgent::endsWithTerminate)) {
            return userProxy.initiateChat(assistant, task);
        }
    }
}
