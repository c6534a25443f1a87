package dev.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * The runner against the scripted engine over real HTTP, through the raw-http client: the tool-call
 * round trip as the scripted rules play it (one call, several calls, a call whose arguments miss a
 * required property, a tool that throws, a tool that times out), blocking and streaming.
 */
@ExtendWith(LlmEndpointExtension.class)
class RunnerScriptedTest {

    private LlmClient client;
    private Runner runner;
    private final TestTools tools = new TestTools();

    @BeforeEach
    void open(Endpoint endpoint) {
        client = LlmClients.create("raw-http", endpoint);
        runner = new Runner(client);
    }

    @AfterEach
    void close(SwitchboardServer server) {
        runner.close();
        client.close();
        assertThat(server.stats().openStreams()).as("streams left open on the server").isZero();
    }

    private Agent agentWith(String... toolNames) {
        List<FunctionTool> chosen = new ArrayList<>();
        for (FunctionTool tool : FunctionTool.fromObject(tools)) {
            if (List.of(toolNames).contains(tool.name())) {
                chosen.add(tool);
            }
        }
        return Agent.builder("helper").instructions("Use the tools.").addTools(chosen).build();
    }

    @Test
    void oneToolCallIsRunAndItsResultAnsweredUnderTheSameId() {
        RunResult result = runner.run(agentWith("get_weather"), "What is the weather in Paris?");

        assertThat(result.turns()).isEqualTo(2);
        assertThat(result.toolRuns()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(ToolRun.Status.OK);
            assertThat(run.call().name()).isEqualTo("get_weather");
            assertThat(run.call().arguments()).isEqualTo("{\"city\":\"Paris\"}");
            assertThat(run.output()).isEqualTo("{\"city\":\"Paris\",\"temperature_c\":21}");
        });
        // The scripted engine names each tool result by looking its id up among the assistant's calls:
        // "get_weather returned" proves the id came back unchanged.
        assertThat(result.finalOutput()).isEqualTo("get_weather returned {\"city\":\"Paris\",\"temperature_c\":21}.");
        ChatMessage.AssistantMessage asked = (ChatMessage.AssistantMessage) result.messages().get(1);
        ChatMessage.ToolMessage answered = (ChatMessage.ToolMessage) result.messages().get(2);
        assertThat(answered.toolCallId()).isEqualTo(asked.toolCalls().get(0).id()).startsWith("call_");
    }

    @Test
    void severalCallsInOneTurnAllRunAndAllAreAnswered() {
        RunResult result = runner.run(agentWith("get_weather"), "What is the weather in Paris and Tokyo?");

        assertThat(result.toolRuns()).extracting(run -> run.call().arguments())
                .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Tokyo\"}");
        assertThat(result.toolRuns()).extracting(ToolRun::status).containsOnly(ToolRun.Status.OK);
        ChatMessage.AssistantMessage asked = (ChatMessage.AssistantMessage) result.messages().get(1);
        assertThat(result.messages().subList(2, 4)).extracting(m -> ((ChatMessage.ToolMessage) m).toolCallId())
                .containsExactly(asked.toolCalls().get(0).id(), asked.toolCalls().get(1).id())
                .doesNotHaveDuplicates();
        assertThat(result.finalOutput()).isEqualTo("get_weather returned {\"city\":\"Paris\",\"temperature_c\":21}. "
                + "get_weather returned {\"city\":\"Tokyo\",\"temperature_c\":21}.");
    }

    @Test
    void argumentsMissingARequiredPropertyGoBackToTheModelAsAnError() {
        // No capitalised word: the scripted engine calls get_weather without "city".
        RunResult result = runner.run(agentWith("get_weather"), "what is the weather here?");

        ToolRun run = result.toolRuns().get(0);
        assertThat(run.call().arguments()).isEqualTo("{}");
        assertThat(run.status()).isEqualTo(ToolRun.Status.INVALID_ARGUMENTS);
        assertThat(run.output()).startsWith("{\"error\":\"the arguments of 'get_weather' do not match its schema")
                .contains("city");
        assertThat(result.finalOutput()).startsWith("get_weather returned {\"error\":");
    }

    @Test
    void aToolThatThrowsIsReportedToTheModelAndTheRunGoesOn() {
        RunResult result = runner.run(agentWith("stock_level"), "What is the stock level of Widgets?");

        ToolRun run = result.toolRuns().get(0);
        assertThat(run.status()).isEqualTo(ToolRun.Status.FAILED);
        assertThat(run.output()).isEqualTo("{\"error\":\"tool 'stock_level' failed: "
                + "java.lang.IllegalStateException: the inventory database is down\"}");
        assertThat(result.finalOutput()).isEqualTo("stock_level returned " + run.output() + ".");
    }

    @Test
    void aToolPastItsTimeoutIsInterruptedAndReportedAsTimedOut() throws Exception {
        RunResult result = runner.run(agentWith("slow_lookup"), "Please do a slow lookup of Invoices");

        ToolRun run = result.toolRuns().get(0);
        assertThat(run.status()).isEqualTo(ToolRun.Status.TIMED_OUT);
        assertThat(run.output()).isEqualTo("{\"error\":\"tool 'slow_lookup' timed out after 300 ms and was interrupted\"}");
        assertThat(tools.awaitSlowInterrupted()).as("the tool thread was interrupted").isTrue();
        assertThat(tools.slowFinished).isFalse();
        assertThat(result.finalOutput()).startsWith("slow_lookup returned {\"error\":");
    }

    @Test
    void aStreamedRunDeliversTextDeltasAndToolActivityInOrder() {
        List<AgentEvent> events = new ArrayList<>();

        RunResult result = runner.runStreamed(agentWith("get_weather"), "What is the weather in Paris and Tokyo?",
                events::add);

        List<String> kinds = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (AgentEvent event : events) {
            if (event instanceof AgentEvent.TextDelta delta) {
                text.append(delta.text());
                if (!kinds.isEmpty() && kinds.get(kinds.size() - 1).equals("text")) {
                    continue;
                }
            }
            kinds.add(event.getClass().getSimpleName().replace("TextDelta", "text"));
        }
        assertThat(kinds).containsExactly("TurnCompleted", "ToolCallRequested", "ToolCallRequested",
                "ToolCallCompleted", "ToolCallCompleted", "text", "TurnCompleted");
        assertThat(events.stream().filter(e -> e instanceof AgentEvent.TextDelta).count())
                .as("text deltas: the final answer streamed word by word").isGreaterThan(5);
        assertThat(text.toString()).isEqualTo(result.finalOutput()).startsWith("get_weather returned");
        assertThat(result).usingRecursiveComparison().ignoringFields("toolRuns.elapsed")
                .isEqualTo(runner.run(agentWith("get_weather"), "What is the weather in Paris and Tokyo?"));
    }

    @Test
    void theTurnBudgetStopsAModelThatKeepsCallingTools() {
        try (Runner oneTurn = new Runner(client, 1)) {
            assertThatThrownBy(() -> oneTurn.run(agentWith("get_weather"), "What is the weather in Paris?"))
                    .isInstanceOfSatisfying(MaxTurnsExceededException.class, e -> {
                        assertThat(e.maxTurns()).isEqualTo(1);
                        assertThat(e.messages()).hasSize(3); // the question, the call, its result
                        assertThat(e.messages().get(2)).isInstanceOf(ChatMessage.ToolMessage.class);
                    })
                    .hasMessage("no final answer after 1 turns: the model kept calling tools");
        }
    }

    @Test
    void anAgentWithoutToolsAnswersInOneTurn() {
        RunResult result = runner.run(Agent.builder("echo").build(), "hello there");

        assertThat(result.finalOutput()).isEqualTo("You said: hello there");
        assertThat(result.turns()).isEqualTo(1);
        assertThat(result.toolRuns()).isEmpty();
    }

    @Test
    void aClientWithoutToolsIsRefusedBeforeAnyRequest(SwitchboardServer server) {
        LlmClient noTools = new NoToolsClient(client);
        long before = server.stats().requests();
        try (Runner refusing = new Runner(noTools)) {
            assertThatThrownBy(() -> refusing.run(agentWith("get_weather"), "What is the weather in Paris?"))
                    .isInstanceOfSatisfying(ToolsNotSupportedException.class,
                            e -> assertThat(e.reason()).isEqualTo("this test's client has no tools"));
        }
        assertThat(server.stats().requests()).isEqualTo(before);
    }

    /** The real client, declaring tools unsupported: what a style without tool calling reports. */
    private static final class NoToolsClient implements LlmClient {
        private final LlmClient delegate;

        NoToolsClient(LlmClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public dev.switchboard.core.ChatResponse chat(dev.switchboard.core.ChatRequest request) {
            return delegate.chat(request);
        }

        @Override
        public dev.switchboard.core.ChatStream stream(dev.switchboard.core.ChatRequest request) {
            return delegate.stream(request);
        }

        @Override
        public dev.switchboard.core.EmbeddingResponse embed(dev.switchboard.core.EmbeddingRequest request) {
            return delegate.embed(request);
        }

        @Override
        public List<dev.switchboard.core.ModelInfo> models() {
            return delegate.models();
        }

        @Override
        public dev.switchboard.core.CompletionResponse complete(dev.switchboard.core.CompletionRequest request) {
            return delegate.complete(request);
        }

        @Override
        public dev.switchboard.core.ChatStream streamCompletion(dev.switchboard.core.CompletionRequest request) {
            return delegate.streamCompletion(request);
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(Map.of(Capability.TOOLS, "this test's client has no tools"));
        }

        @Override
        public void close() {
        }
    }
}
