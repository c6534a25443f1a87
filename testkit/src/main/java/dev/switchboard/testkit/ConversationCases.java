package dev.switchboard.testkit;

import static dev.switchboard.testkit.ContractFixtures.TWO_CITIES_QUESTION;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_QUESTION;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_TOOL;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_TOOL_NAME;
import static dev.switchboard.testkit.ContractFixtures.events;
import static dev.switchboard.testkit.ContractFixtures.reasoningFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ToolCall;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * {@link LlmClientContract}'s cases on conversations: multi-turn, the tool-call round trip (one
 * and two calls per turn, ids kept), and reasoning separated from the answer in its three wire
 * shapes, each in chat and stream.
 */
abstract class ConversationCases extends ChatStreamingCases {

    ConversationCases() {
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("multi-turn: the second turn sees the first")
    void multiTurn(Mode mode) {
        requires(mode);
        List<ChatMessage> history = new ArrayList<>();
        history.add(ChatMessage.user("Hi! My name is Alice."));
        ChatResponse first = send(mode, ChatRequest.builder().messages(history).build());
        assertThat(first.text()).isEqualTo("Nice to meet you, Alice.");

        history.add(first.message());
        history.add(ChatMessage.user("What is my name?"));
        ChatResponse second = send(mode, ChatRequest.builder().messages(history).build());

        assertThat(second.text()).isEqualTo("Your name is Alice.");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("tools: a call with id and JSON arguments, then an answer from its result")
    void toolRoundTrip(Mode mode) {
        requires(mode);
        requires(Capability.TOOLS);
        ChatRequest ask = ChatRequest.builder().user(WEATHER_QUESTION).addTool(WEATHER_TOOL).build();

        ChatResponse call = send(mode, ask);

        assertThat(call.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(call.toolCalls()).hasSize(1);
        ToolCall toolCall = call.toolCalls().get(0);
        assertThat(toolCall.id()).isNotBlank();
        assertThat(toolCall.name()).isEqualTo(WEATHER_TOOL_NAME);
        assertThat(toolCall.arguments().replace(" ", "")).isEqualTo("{\"city\":\"Paris\"}");

        ChatRequest answer = ask.toBuilder().addMessage(call.message())
                .addMessage(ChatMessage.tool(toolCall.id(), "18°C and sunny")).build();
        ChatResponse response = send(mode, answer);

        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.text()).isEqualTo("get_weather returned 18°C and sunny.");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("tools: two calls in one turn, each answered by its id")
    void twoToolCallsInOneTurn(Mode mode) {
        requires(mode);
        requires(Capability.TOOLS);
        ChatRequest ask = ChatRequest.builder().user(TWO_CITIES_QUESTION).addTool(WEATHER_TOOL).build();

        ChatResponse call = send(mode, ask);

        assertThat(call.toolCalls()).extracting(ToolCall::name).containsExactly(WEATHER_TOOL_NAME, WEATHER_TOOL_NAME);
        assertThat(call.toolCalls()).extracting(c -> c.arguments().replace(" ", ""))
                .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"London\"}");
        assertThat(call.toolCalls()).extracting(ToolCall::id).doesNotHaveDuplicates();

        ChatRequest.Builder answer = ask.toBuilder().addMessage(call.message());
        answer.addMessage(ChatMessage.tool(call.toolCalls().get(0).id(), "18°C"));
        answer.addMessage(ChatMessage.tool(call.toolCalls().get(1).id(), "12°C"));
        ChatResponse response = send(mode, answer.build());

        assertThat(response.text()).isEqualTo("get_weather returned 18°C. get_weather returned 12°C.");
    }

    // ---------------------------------------------------------------- reasoning

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING,
            ScriptedEngine.MODEL_THINK_TAGS})
    @DisplayName("reasoning is separated from the answer (chat)")
    void reasoningChat(String model) {
        requires(Capability.REASONING);
        ChatResponse response = client.chat(ChatRequest.builder().model(model).user("Hello there").build());

        assertThat(response.reasoning()).isEqualTo(reasoningFor(2));
        assertThat(response.text()).isEqualTo("You said: Hello there");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING,
            ScriptedEngine.MODEL_THINK_TAGS})
    @DisplayName("reasoning is separated from the answer (stream): reasoning deltas, then text deltas")
    void reasoningStream(String model) {
        requires(Capability.STREAMING);
        requires(Capability.REASONING);
        List<ChatEvent> events = events(client.stream(ChatRequest.builder().model(model).user("Hello there").build()));

        StringBuilder reasoning = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (ChatEvent event : events) {
            if (event instanceof ChatEvent.ReasoningDelta r) {
                assertThat(text).as("reasoning after text began").isEmpty();
                reasoning.append(r.text());
            } else if (event instanceof ChatEvent.TextDelta t) {
                text.append(t.text());
            }
        }
        assertThat(reasoning.toString()).isEqualTo(reasoningFor(2));
        assertThat(text.toString()).isEqualTo("You said: Hello there");
    }
}
