package dev.switchboard.agent.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.agent.RunResult;
import dev.switchboard.agent.ToolRun;
import dev.switchboard.agent.TurnsEngine;
import dev.switchboard.agent.conversation.ConversationResult;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.ToolCall;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.testkit.LlmEndpointExtension;

/** The runtime's examples against the scripted server (and, for several turns, a per-test script). */
@ExtendWith(LlmEndpointExtension.class)
class RuntimeExamplesTest {

    @Test
    void agentLoopMultipliesWithTheCalculatorTool(Endpoint endpoint) {
        List<String> steps = new ArrayList<>();
        try (LlmClient client = LlmClients.create("raw-http", endpoint)) {
            String answer = AgentLoop.run(client, AgentLoop.QUESTION, steps::add);

            assertThat(steps).containsExactly("tool call multiply {\"a\":1234.5678,\"b\":8765.4321} -> 10821520.22374638");
            assertThat(answer).isEqualTo("multiply returned 10821520.22374638.");
        }
    }

    @Test
    void handoffsTriageHandsTheTravelQuestionToTheTravelAgent() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
        TurnsEngine engine = new TurnsEngine()
                .thenCall(new ToolCall("call_1", "transfer_to_travel", "{}"))
                .thenCall(new ToolCall("call_2", "current_time", "{\"zone\":\"Asia/Tokyo\"}"))
                .thenAnswer("It is 17:00 on Sunday in Tokyo.");
        List<String> steps = new ArrayList<>();
        try (SwitchboardServer server = SwitchboardServer.start(engine);
                LlmClient client = LlmClients.create("raw-http", LlmEndpointExtension.endpointFor(server))) {
            RunResult result = Handoffs.run(client, clock, Handoffs.QUESTION, steps::add);

            assertThat(result.lastAgent().name()).isEqualTo("travel");
            assertThat(result.finalOutput()).isEqualTo("It is 17:00 on Sunday in Tokyo.");
            assertThat(steps).containsExactly("handoff triage -> travel", "tool call current_time "
                    + "{\"zone\":\"Asia/Tokyo\"} -> {\"zone\":\"Asia/Tokyo\",\"localTime\":\"2026-03-01T17:00:00+09:00\","
                    + "\"dayOfWeek\":\"SUNDAY\"}");
            assertThat(engine.requests().get(0).tools()).extracting(spec -> spec.name())
                    .containsExactly("transfer_to_math", "transfer_to_travel");
        }
    }

    @Test
    void handoffsAgainstTheScriptedEngineFollowTheTransfer(Endpoint endpoint) {
        // The scripted engine matches "travel" in the question to transfer_to_travel.
        try (LlmClient client = LlmClients.create("raw-http", endpoint)) {
            RunResult result = Handoffs.run(client, Clock.systemUTC(), Handoffs.QUESTION, step -> { });

            assertThat(result.toolRuns()).extracting(ToolRun::status).containsExactly(ToolRun.Status.HANDOFF);
            assertThat(result.lastAgent().name()).isEqualTo("travel");
        }
    }

    @Test
    void twoAgentChatRunsTheConverterThenStopsOnTerminate() {
        TurnsEngine engine = new TurnsEngine()
                .thenCall(new ToolCall("call_1", "convert", "{\"value\":42.195,\"from\":\"km\",\"to\":\"mi\"}"))
                .thenAnswer("A marathon is about 26.22 miles.")
                .thenAnswer("That is all. TERMINATE");
        try (SwitchboardServer server = SwitchboardServer.start(engine);
                LlmClient client = LlmClients.create("raw-http", LlmEndpointExtension.endpointFor(server))) {
            ConversationResult result = TwoAgentChat.run(client, TwoAgentChat.TASK);

            assertThat(result.toolRuns()).singleElement()
                    .satisfies(run -> assertThat(run.output()).isEqualTo("26.2187574564543"));
            assertThat(result.stopReason()).isEqualTo(ConversationResult.StopReason.TERMINATED);
            assertThat(result.summary()).isEqualTo("That is all.");
            assertThat(result.autoReplies()).isEqualTo(2);
            assertThat(result.messages()).contains(ChatMessage.user("Continue."));
        }
    }
}
