package dev.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static dev.switchboard.testkit.live.LlmLiveContract.unlessToolsRefused;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.agent.tools.Calculator;
import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.ToolCall;
import dev.switchboard.testkit.live.InProcessLlama;
import dev.switchboard.testkit.live.LiveEndpoint;
import dev.switchboard.testkit.live.LiveEndpointExtension;

/**
 * The live tier for the agent runtime: the runner against the endpoint testkit's resolution finds
 * (here the in-process llama.cpp engine; with Docker a real Ollama; with {@code LLM_BASE_URL}
 * whatever it points at), through the raw-http client. A real model's choices are not facts, so the
 * tool cases check the loop's bookkeeping: every call the model makes is run and answered under its
 * own id, and the run ends with an answer. They are skipped, with the reason, on an endpoint without
 * tool calling.
 */
@ExtendWith(LiveEndpointExtension.class)
class AgentLiveTest {

    private static final int MAX_TURNS = 6;

    private LiveEndpoint live;
    private LlmClient client;
    private Runner runner;

    @BeforeEach
    void open(LiveEndpoint live) {
        this.live = live;
        client = LlmClients.create("raw-http", live.endpoint());
        runner = new Runner(client, MAX_TURNS);
    }

    @AfterEach
    void close() {
        runner.close();
        client.close();
    }

    @Test
    void anAgentWithoutToolsAnswersInOneTurn() {
        Agent agent = Agent.builder("plain").instructions("Answer in one short sentence.").build();

        RunResult result = runner.run(agent, "Say hello.");

        assertThat(result.turns()).as("turns").isEqualTo(1);
        assertThat(result.toolRuns()).as("tool runs").isEmpty();
        assertThat(result.messages()).as("the user's message, then the answer").hasSize(2);
        assertThat(result.messages().get(1)).isInstanceOf(ChatMessage.AssistantMessage.class);
    }

    @Test
    void streamedTextDeltasAddUpToTheFinalOutput() {
        Agent agent = Agent.builder("plain").instructions("Answer in one short sentence.").build();
        StringBuilder streamed = new StringBuilder();

        RunResult result = runner.runStreamed(agent, "Say hello.", event -> {
            if (event instanceof AgentEvent.TextDelta delta) {
                streamed.append(delta.text());
            }
        });

        assertThat(streamed.toString()).as("text deltas").isEqualTo(result.finalOutput());
    }

    @Test
    void everyToolCallIsRunAndAnsweredUnderItsOwnId() {
        requiresTools();
        Agent agent = Agent.builder("calculator").instructions("Use the tools for arithmetic; never compute in your head.")
                .tools(new Calculator()).build();

        RunResult result = unlessToolsRefused(() -> runner.run(agent, "What is 12.5 multiplied by 8? Use the multiply tool."));

        assertEveryCallAnswered(result);
        assertThat(result.turns()).as("turns").isBetween(1, MAX_TURNS);
        if (InProcessLlama.servesDemoModel(live)) {
            assertThat(result.toolRuns()).as("the demo model calls once, then answers the tool result").hasSize(1);
            assertThat(result.toolRuns().get(0).call().name()).isEqualTo("multiply");
            assertThat(result.turns()).isEqualTo(2);
        }
    }

    @Test
    void aStreamedRunReportsEachToolCallAsItHappens() {
        requiresTools();
        Agent agent = Agent.builder("calculator").instructions("Use the tools for arithmetic; never compute in your head.")
                .tools(new Calculator()).build();
        List<ToolCall> requested = new ArrayList<>();

        RunResult result = unlessToolsRefused(() -> runner.runStreamed(agent, "What is 7.25 plus 2.75? Use the add tool.",
                event -> {
                    if (event instanceof AgentEvent.ToolCallRequested call) {
                        requested.add(call.call());
                    }
                }));

        assertEveryCallAnswered(result);
        assertThat(requested).as("tool calls reported while running").hasSameSizeAs(result.toolRuns());
    }

    private void requiresTools() {
        assumeTrue(live.capabilities().supports(Capability.TOOLS),
                () -> "the endpoint does not support TOOLS: " + live.capabilities().reasonUnsupported(Capability.TOOLS));
    }

    private static void assertEveryCallAnswered(RunResult result) {
        Set<String> asked = new HashSet<>();
        Set<String> answered = new HashSet<>();
        for (ChatMessage message : result.messages()) {
            if (message instanceof ChatMessage.AssistantMessage assistant && assistant.toolCalls() != null) {
                assistant.toolCalls().forEach(call -> assertThat(asked.add(call.id())).as("id %s is unique", call.id()).isTrue());
            } else if (message instanceof ChatMessage.ToolMessage tool) {
                assertThat(asked).as("a tool message answers a call that was made").contains(tool.toolCallId());
                answered.add(tool.toolCallId());
            }
        }
        assertThat(answered).as("ids answered").isEqualTo(asked);
        assertThat(result.toolRuns()).as("tool runs, one per call").hasSize(asked.size());
        assertThat(result.messages().get(result.messages().size() - 1)).as("the run ends with the model's answer")
                .isInstanceOf(ChatMessage.AssistantMessage.class);
    }
}
