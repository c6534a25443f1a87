package dev.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.agent.conversation.AssistantAgent;
import dev.switchboard.agent.conversation.UserProxyAgent;
import dev.switchboard.agent.examples.AgentLoop;
import dev.switchboard.agent.examples.LangChain4jAgentLoop;
import dev.switchboard.agent.examples.OpenAiJavaAgentLoop;
import dev.switchboard.agent.examples.RawHttpAgentLoop;
import dev.switchboard.agent.examples.SpringAiAgentLoop;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.ToolCall;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * Every model call of the runtime and of the framework-idiom examples bounds its answer with
 * {@code max_tokens} (issue 16: a model that does not stop must not fill the context and break the
 * next turn). What is asserted is what the real server decoded from each request ({@link TurnsEngine}).
 */
class MaxTokensTest {

    private static final ToolCall MULTIPLY = new ToolCall("call_1", "multiply", "{\"a\":1234.5678,\"b\":8765.4321}");

    private TurnsEngine engine;
    private SwitchboardServer server;
    private Endpoint endpoint;
    private LlmClient client;

    @BeforeEach
    void start() {
        engine = new TurnsEngine();
        server = SwitchboardServer.start(engine);
        endpoint = LlmEndpointExtension.endpointFor(server);
        client = LlmClients.create("raw-http", endpoint);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private List<Integer> maxTokensSent() {
        return engine.requests().stream().map(ChatRequest::maxTokens).toList();
    }

    @Test
    void anAgentSendsTheDefaultOf512OnEveryTurn() {
        engine.thenCall(MULTIPLY).thenAnswer("It is 10821520.22374638.");

        assertThat(AgentLoop.run(client, AgentLoop.QUESTION, step -> { })).isEqualTo("It is 10821520.22374638.");

        assertThat(Agent.DEFAULT_MAX_TOKENS).isEqualTo(512);
        assertThat(maxTokensSent()).containsExactly(512, 512);
    }

    @Test
    void anAgentsOwnMaxTokensIsSentAndTheAgentHandedOffToSendsItsOwn() {
        Agent billing = Agent.builder("billing").maxTokens(64).build();
        Agent triage = Agent.builder("triage").handoffs(billing).maxTokens(32).build();
        engine.thenCall(new ToolCall("call_1", billing.handoffToolName(), "{}")).thenAnswer("Paid.");

        try (Runner runner = new Runner(client)) {
            assertThat(runner.run(triage, "Is my invoice paid?").finalOutput()).isEqualTo("Paid.");
        }

        assertThat(maxTokensSent()).containsExactly(32, 64);
        assertThat(triage.toBuilder().build().maxTokens()).isEqualTo(32);
    }

    @Test
    void maxTokensMustBePositive() {
        assertThatThrownBy(() -> Agent.builder("a").maxTokens(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTokens must be positive, was 0");
        assertThatThrownBy(() -> new AssistantAgent("a", "", client, null, List.of(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTokens must be positive, was -1");
    }

    @Test
    void anAssistantAgentSendsItsMaxTokensOnEveryReply() {
        engine.thenAnswer("Done. TERMINATE").thenAnswer("Done. TERMINATE");

        try (UserProxyAgent proxy = UserProxyAgent.of("user", List.of())) {
            proxy.initiateChat(AssistantAgent.of("assistant", client, List.of()), "Hello");
            proxy.initiateChat(new AssistantAgent("assistant", "Be brief.", client, null, List.of(), 100), "Hello");
        }

        assertThat(maxTokensSent()).containsExactly(512, 100);
    }

    @Test
    void theRawHttpLoopSendsMaxTokens() throws Exception {
        engine.thenCall(MULTIPLY).thenAnswer("Done.");
        RawHttpAgentLoop.run(endpoint, AgentLoop.QUESTION, step -> { });
        assertThat(maxTokensSent()).containsExactly(512, 512);
    }

    @Test
    void theOpenAiJavaLoopSendsMaxTokens() {
        engine.thenCall(MULTIPLY).thenAnswer("Done.");
        OpenAiJavaAgentLoop.run(endpoint, AgentLoop.QUESTION, step -> { });
        assertThat(maxTokensSent()).containsExactly(512, 512);
    }

    @Test
    void theLangChain4jLoopSendsMaxTokens() {
        engine.thenCall(MULTIPLY).thenAnswer("Done.");
        LangChain4jAgentLoop.run(endpoint, AgentLoop.QUESTION, step -> { });
        assertThat(maxTokensSent()).containsExactly(512, 512);
    }

    @Test
    void theSpringAiLoopSendsMaxTokens() {
        engine.thenCall(MULTIPLY).thenAnswer("Done.");
        SpringAiAgentLoop.run(endpoint, AgentLoop.QUESTION, step -> { });
        assertThat(maxTokensSent()).containsExactly(512, 512);
    }
}
