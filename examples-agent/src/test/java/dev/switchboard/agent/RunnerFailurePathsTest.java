package dev.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.error.ServerErrorException;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * The model's side of each failure path, scripted turn by turn ({@link TurnsEngine}) behind the
 * real server and the real raw-http client: multi-step calls, an unknown tool, arguments that are
 * not JSON or of the wrong type, a mix of good and bad calls in one turn, hand-offs, and a model
 * call that fails.
 */
class RunnerFailurePathsTest {

    private TurnsEngine engine;
    private SwitchboardServer server;
    private LlmClient client;
    private Runner runner;
    private final Agent calculator = Agent.builder("calculator").instructions("Compute exactly.")
            .tools(new TestTools()).build();

    @BeforeEach
    void start() {
        engine = new TurnsEngine();
        server = SwitchboardServer.start(engine);
        client = LlmClients.create("raw-http", LlmEndpointExtension.endpointFor(server));
        runner = new Runner(client);
    }

    @AfterEach
    void stop() {
        runner.close();
        client.close();
        assertThat(server.stats().openStreams()).isZero();
        server.close();
    }

    @Test
    void multiStepAToolResultLeadsToAnotherCallThenTheAnswer() {
        engine.thenCall(new ToolCall("call_1", "add", "{\"a\":0.1,\"b\":0.2}"))
                .thenCall(new ToolCall("call_2", "multiply", "{\"a\":0.3,\"b\":3}"))
                .thenAnswer("It is 0.9 exactly.");

        RunResult result = runner.run(calculator, "What is (0.1 + 0.2) * 3?");

        assertThat(result.finalOutput()).isEqualTo("It is 0.9 exactly.");
        assertThat(result.turns()).isEqualTo(3);
        assertThat(result.toolRuns()).extracting(ToolRun::output).containsExactly("0.3", "0.9");
        List<ChatRequest> requests = engine.requests();
        assertThat(requests).hasSize(3);
        // What the server received in the third request: system, user, call 1, result 1, call 2, result 2.
        List<ChatMessage> third = requests.get(2).messages();
        assertThat(third).extracting(ChatMessage::role)
                .containsExactly("system", "user", "assistant", "tool", "assistant", "tool");
        assertThat(third.get(3)).isEqualTo(ChatMessage.tool("call_1", "0.3"));
        assertThat(third.get(5)).isEqualTo(ChatMessage.tool("call_2", "0.9"));
        assertThat(((ChatMessage.AssistantMessage) third.get(4)).toolCalls())
                .containsExactly(new ToolCall("call_2", "multiply", "{\"a\":0.3,\"b\":3}"));
        assertThat(requests.get(0).tools()).extracting(ToolSpec::name)
                .containsExactly("add", "get_weather", "multiply", "slow_lookup", "stock_level");
        assertThat(engine.exhausted()).isTrue();
    }

    @Test
    void anUnknownToolNameIsAnsweredWithTheToolsThereAre() {
        engine.thenCall(new ToolCall("call_x", "divide", "{\"a\":1,\"b\":3}")).thenAnswer("Sorry.");

        RunResult result = runner.run(calculator, "What is 1 / 3?");

        ToolRun run = result.toolRuns().get(0);
        assertThat(run.status()).isEqualTo(ToolRun.Status.UNKNOWN_TOOL);
        assertThat(run.output()).isEqualTo("{\"error\":\"there is no tool named 'divide'; the tools are: "
                + "add, get_weather, multiply, slow_lookup, stock_level\"}");
        assertThat(engine.requests().get(1).messages().get(3)).isEqualTo(ChatMessage.tool("call_x", run.output()));
        assertThat(result.finalOutput()).isEqualTo("Sorry.");
    }

    @Test
    void argumentsThatAreNotJsonAreAnsweredWithTheParseError() {
        engine.thenCall(new ToolCall("call_bad", "add", "{\"a\": 1, \"b\":")).thenAnswer("Let me retry.");

        RunResult result = runner.run(calculator, "Add 1 and 2");

        ToolRun run = result.toolRuns().get(0);
        assertThat(run.status()).isEqualTo(ToolRun.Status.INVALID_ARGUMENTS);
        assertThat(run.output()).startsWith("{\"error\":\"the arguments of 'add' are not valid JSON: ");
        assertThat(engine.requests().get(1).messages().get(3)).isEqualTo(ChatMessage.tool("call_bad", run.output()));
    }

    @Test
    void argumentsOfTheWrongTypeOrWithExtraPropertiesFailTheSchema() {
        engine.thenCall(new ToolCall("call_1", "add", "{\"a\":\"one\",\"b\":2}"),
                        new ToolCall("call_2", "add", "{\"a\":1,\"b\":2,\"c\":3}"),
                        new ToolCall("call_3", "add", "[1,2]"))
                .thenAnswer("Done.");

        RunResult result = runner.run(calculator, "Add things");

        assertThat(result.toolRuns()).extracting(ToolRun::status).containsOnly(ToolRun.Status.INVALID_ARGUMENTS);
        assertThat(result.toolRuns().get(0).output()).contains("do not match its schema").contains("/a");
        assertThat(result.toolRuns().get(1).output()).contains("do not match its schema").contains("c");
        assertThat(result.toolRuns().get(2).output()).contains("do not match its schema").contains("object");
    }

    @Test
    void goodAndBadCallsInOneTurnAreAllAnsweredInOrderUnderTheirIds() {
        engine.thenCall(new ToolCall("call_a", "add", "{\"a\":2,\"b\":2}"),
                        new ToolCall("call_b", "stock_level", "{\"product\":\"Widget\"}"),
                        new ToolCall("call_c", "nope", "{}"),
                        new ToolCall("call_d", "multiply", "{\"a\":6,\"b\":7}"))
                .thenAnswer("Mixed results.");

        RunResult result = runner.run(calculator, "Do four things");

        assertThat(result.toolRuns()).extracting(ToolRun::status).containsExactly(ToolRun.Status.OK,
                ToolRun.Status.FAILED, ToolRun.Status.UNKNOWN_TOOL, ToolRun.Status.OK);
        List<ChatMessage> second = engine.requests().get(1).messages();
        assertThat(second.subList(3, 7)).extracting(m -> ((ChatMessage.ToolMessage) m).toolCallId())
                .containsExactly("call_a", "call_b", "call_c", "call_d");
        assertThat(((ChatMessage.ToolMessage) second.get(3)).content()).isEqualTo("4");
        assertThat(((ChatMessage.ToolMessage) second.get(6)).content()).isEqualTo("42");
    }

    @Test
    void aHandoffPassesTheConversationToTheOtherAgentWithItsInstructionsAndTools() {
        Agent billing = Agent.builder("Billing agent").instructions("You handle invoices.")
                .handoffDescription("Questions about invoices.").tools(new TestTools()).build();
        Agent triage = Agent.builder("triage").instructions("Route the user.").handoffs(billing).build();
        engine.thenCall(new ToolCall("call_h", "transfer_to_billing_agent", "{}"))
                .thenAnswer("Your invoice is paid.");
        List<AgentEvent> events = new ArrayList<>();

        RunResult result = runner.runStreamed(triage, "Is my invoice paid?", events::add);

        assertThat(result.lastAgent()).isEqualTo(billing);
        assertThat(result.finalOutput()).isEqualTo("Your invoice is paid.");
        assertThat(result.toolRuns()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(ToolRun.Status.HANDOFF);
            assertThat(run.output()).isEqualTo("{\"assistant\":\"Billing agent\"}");
        });
        assertThat(events).contains(new AgentEvent.Handoff("triage", "Billing agent"));
        ChatRequest first = engine.requests().get(0);
        assertThat(first.tools()).singleElement().satisfies(spec -> {
            assertThat(spec.name()).isEqualTo("transfer_to_billing_agent");
            assertThat(spec.description()).isEqualTo(
                    "Handoff to the Billing agent agent to handle the request. Questions about invoices.");
        });
        ChatRequest second = engine.requests().get(1);
        assertThat(second.messages().get(0)).isEqualTo(ChatMessage.system("You handle invoices."));
        assertThat(second.messages()).extracting(ChatMessage::role)
                .containsExactly("system", "user", "assistant", "tool");
        assertThat(second.tools()).extracting(ToolSpec::name).contains("add", "get_weather");
    }

    @Test
    void onlyTheFirstOfTwoHandoffsInOneTurnIsFollowed() {
        Agent a = Agent.builder("a").build();
        Agent b = Agent.builder("b").build();
        Agent triage = Agent.builder("triage").handoffs(a, b).build();
        engine.thenCall(new ToolCall("c1", "transfer_to_b", "{}"), new ToolCall("c2", "transfer_to_a", "{}"))
                .thenAnswer("b here");

        RunResult result = runner.run(triage, "help");

        assertThat(result.lastAgent().name()).isEqualTo("b");
        assertThat(result.toolRuns()).extracting(ToolRun::status)
                .containsExactly(ToolRun.Status.HANDOFF, ToolRun.Status.IGNORED);
        assertThat(result.toolRuns().get(1).output()).contains("Multiple handoffs detected");
    }

    @Test
    void aFailingModelCallIsThrownAsTheClientThrewIt() {
        // No turn queued: the engine answers 500.
        assertThatThrownBy(() -> runner.run(calculator, "anything"))
                .isInstanceOf(ServerErrorException.class)
                .hasMessageContaining("no turn left");
    }
}
