package dev.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.agent.conversation.AssistantAgent;
import dev.switchboard.agent.conversation.ConversationResult;
import dev.switchboard.agent.conversation.UserProxyAgent;
import dev.switchboard.agent.tools.Calculator;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.testkit.LlmEndpointExtension;

/** The AutoGen-style assistant and user proxy, the assistant's turns scripted behind the real server. */
class TwoAgentConversationTest {

    private TurnsEngine engine;
    private SwitchboardServer server;
    private LlmClient client;
    private final List<FunctionTool> calculator = FunctionTool.fromObject(new Calculator());

    @BeforeEach
    void start() {
        engine = new TurnsEngine();
        server = SwitchboardServer.start(engine);
        client = LlmClients.create("raw-http", LlmEndpointExtension.endpointFor(server));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theProxyRunsTheSuggestedToolAndTheConversationEndsOnTerminate() {
        engine.thenCall(new ToolCall("call_1", "multiply", "{\"a\":1.5,\"b\":4}"))
                .thenAnswer("1.5 times 4 is 6. TERMINATE");
        AssistantAgent assistant = AssistantAgent.of("assistant", client, calculator);

        ConversationResult result;
        try (UserProxyAgent proxy = UserProxyAgent.of("user_proxy", calculator)) {
            result = proxy.initiateChat(assistant, "What is 1.5 times 4?");
        }

        assertThat(result.stopReason()).isEqualTo(ConversationResult.StopReason.TERMINATED);
        assertThat(result.summary()).isEqualTo("1.5 times 4 is 6.");
        assertThat(result.autoReplies()).isEqualTo(1);
        assertThat(result.toolRuns()).singleElement().satisfies(run -> {
            assertThat(run.agent()).isEqualTo("user_proxy");
            assertThat(run.output()).isEqualTo("6");
        });
        assertThat(engine.requests().get(0).messages().get(0))
                .isEqualTo(ChatMessage.system(AssistantAgent.DEFAULT_SYSTEM_MESSAGE));
        assertThat(engine.requests().get(0).tools()).extracting(ToolSpec::name).contains("multiply", "divide");
        assertThat(engine.requests().get(1).messages().get(3)).isEqualTo(ChatMessage.tool("call_1", "6"));
        assertThat(engine.exhausted()).isTrue();
    }

    @Test
    void withoutTerminateTheProxySendsTheDefaultReplyUntilItsAutoReplyLimit() {
        engine.thenAnswer("Let me think.").thenAnswer("Still thinking.").thenAnswer("Almost there.");
        AssistantAgent assistant = new AssistantAgent("assistant", "Be brief.", client, null, List.of());

        ConversationResult result;
        try (UserProxyAgent proxy = new UserProxyAgent("user", List.of(), 2, "Continue.",
                UserProxyAgent::endsWithTerminate)) {
            result = proxy.initiateChat(assistant, "Solve it");
        }

        assertThat(result.stopReason()).isEqualTo(ConversationResult.StopReason.MAX_CONSECUTIVE_AUTO_REPLY);
        assertThat(result.autoReplies()).isEqualTo(2);
        assertThat(result.summary()).isEqualTo("Almost there.");
        assertThat(engine.requests()).hasSize(3);
        assertThat(engine.requests().get(2).messages()).containsExactly(ChatMessage.system("Be brief."),
                ChatMessage.user("Solve it"), ChatMessage.assistant("Let me think."), ChatMessage.user("Continue."),
                ChatMessage.assistant("Still thinking."), ChatMessage.user("Continue."));
    }

    @Test
    void aFailingOrUnknownToolIsAnsweredAndTheConversationGoesOn() {
        engine.thenCall(new ToolCall("c1", "divide", "{\"a\":1,\"b\":0}"), new ToolCall("c2", "modulo", "{}"))
                .thenAnswer("Division by zero has no answer. TERMINATE");
        AssistantAgent assistant = AssistantAgent.of("assistant", client, calculator);

        ConversationResult result;
        try (UserProxyAgent proxy = UserProxyAgent.of("user_proxy", calculator)) {
            result = proxy.initiateChat(assistant, "What is 1 / 0 and 5 mod 2?");
        }

        assertThat(result.toolRuns()).extracting(ToolRun::status)
                .containsExactly(ToolRun.Status.FAILED, ToolRun.Status.UNKNOWN_TOOL);
        assertThat(result.toolRuns().get(0).output()).contains("ArithmeticException");
        assertThat(result.stopReason()).isEqualTo(ConversationResult.StopReason.TERMINATED);
    }

    @Test
    void zeroAutoRepliesEndsAfterTheFirstAnswerWithoutRunningTools() {
        engine.thenCall(new ToolCall("c1", "add", "{\"a\":1,\"b\":1}"));
        AssistantAgent assistant = AssistantAgent.of("assistant", client, calculator);

        ConversationResult result;
        try (UserProxyAgent proxy = new UserProxyAgent("user", calculator, 0, "", UserProxyAgent::endsWithTerminate)) {
            result = proxy.initiateChat(assistant, "1 + 1?");
        }

        assertThat(result.stopReason()).isEqualTo(ConversationResult.StopReason.MAX_CONSECUTIVE_AUTO_REPLY);
        assertThat(result.toolRuns()).isEmpty();
        assertThat(engine.requests()).hasSize(1);
    }
}
