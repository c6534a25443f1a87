package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class ReasoningAndTimingsTest {

    private static final String REASONING = "The user wrote 2 words. I will answer.";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING})
    void readsReasoningFromTheMessagesUnknownFields(String model, Endpoint endpoint) {
        ReasoningAndTimings.Answer answer = ReasoningAndTimings.run(endpoint.baseUrl(), "test-key", model,
                "Hello there");

        assertThat(answer.reasoning()).isEqualTo(REASONING);
        assertThat(answer.content()).isEqualTo("You said: Hello there");
        assertThat(answer.timings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING})
    void readsReasoningFromEachDeltasUnknownFields(String model, Endpoint endpoint) {
        ReasoningAndTimings.Answer answer = ReasoningAndTimings.runStreaming(endpoint.baseUrl(), "test-key", model,
                "Hello there");

        assertThat(answer.reasoning()).isEqualTo(REASONING);
        assertThat(answer.content()).isEqualTo("You said: Hello there");
    }

    @Test
    void thinkTagsStayInTheContent(Endpoint endpoint) {
        ReasoningAndTimings.Answer answer = ReasoningAndTimings.run(endpoint.baseUrl(), "test-key",
                ScriptedEngine.MODEL_THINK_TAGS, "Hello there");

        assertThat(answer.reasoning()).isEmpty();
        assertThat(answer.content()).startsWith("<think>" + REASONING + "</think>").endsWith("You said: Hello there");
    }

    @Test
    void readsLlamaServersTimingsFromTheRecordedAnswer() {
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("04-chat-nonstream.txt")) {
            ReasoningAndTimings.Answer answer = ReasoningAndTimings.run(recorded.baseUrl(), "test-key", "tiny", "Say hello in five words.");

            assertThat(answer.timings()).containsEntry("predicted_n", 16).containsEntry("prompt_n", 1)
                    .containsEntry("predicted_per_second", 2160.7605877268797);
            assertThat(answer.content()).startsWith("lengthpering angst");
        }
    }

    @Test
    void readsLlamaServersTimingsFromTheLastRecordedChunk() {
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("05-chat-stream.txt")) {
            ReasoningAndTimings.Answer answer = ReasoningAndTimings.runStreaming(recorded.baseUrl(), "test-key", "tiny",
                    "Say hello in five words.");

            assertThat(answer.timings()).containsEntry("predicted_n", 16)
                    .containsEntry("predicted_per_second", 1663.8935108153075);
            assertThat(answer.content()).startsWith("lengthpering angst").endsWith(" References");
        }
    }
}
