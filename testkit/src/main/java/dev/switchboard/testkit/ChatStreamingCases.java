package dev.switchboard.testkit;

import static dev.switchboard.testkit.ContractFixtures.ECHO;
import static dev.switchboard.testkit.ContractFixtures.ECHO_WORDS;
import static dev.switchboard.testkit.ContractFixtures.FIRST_THREE_CHUNKS;
import static dev.switchboard.testkit.ContractFixtures.PROMPT;
import static dev.switchboard.testkit.ContractFixtures.PROMPT_WORDS;
import static dev.switchboard.testkit.ContractFixtures.SERVER_NOTICES_WITHIN;
import static dev.switchboard.testkit.ContractFixtures.UNICODE_ANSWER;
import static dev.switchboard.testkit.ContractFixtures.UNICODE_PROMPT;
import static dev.switchboard.testkit.ContractFixtures.awaitAtLeast;
import static dev.switchboard.testkit.ContractFixtures.events;
import static dev.switchboard.testkit.ContractFixtures.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.FinishReason;
import dev.switchboard.server.fault.Fault;

/**
 * {@link LlmClientContract}'s cases on plain chat and streaming: the answer and its usage, a
 * stream that is incremental, assembles to the chat answer and is single use, finish reason
 * {@code length}, 你好 and 😊 split across one-byte writes, and cancellation seen by the server.
 */
abstract class ChatStreamingCases extends ContractCase {

    ChatStreamingCases() {
    }

    @Test
    @DisplayName("chat: the answer, finish reason stop, and usage")
    void chat() {
        ChatResponse response = client.chat(prompt(PROMPT));

        assertThat(response.text()).isEqualTo(ECHO);
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.usage()).as("usage").isNotNull();
        assertThat(response.usage().promptTokens()).isEqualTo(PROMPT_WORDS);
        assertThat(response.usage().completionTokens()).isEqualTo(ECHO_WORDS);
        assertThat(response.usage().totalTokens()).isEqualTo(PROMPT_WORDS + ECHO_WORDS);
    }

    @Test
    @DisplayName("stream: the first event arrives while the server still holds the rest back")
    void streamIsIncremental() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.StallMidStream(2, Duration.ofMillis(800)));
        long completedBefore = server.stats().completedStreams();

        try (ChatStream stream = client.stream(prompt(PROMPT))) {
            Iterator<ChatEvent> events = stream.iterator();
            assertThat(events.hasNext()).isTrue();
            ChatEvent first = events.next();
            long completedAtFirstEvent = server.stats().completedStreams();

            assertThat(first).isInstanceOf(ChatEvent.TextDelta.class);
            assertThat(completedAtFirstEvent).as("streams the server had completed when the first event arrived")
                    .isEqualTo(completedBefore);
            events.forEachRemaining(event -> { });
        }
    }

    @Test
    @DisplayName("stream: the deltas assemble to the non-streaming answer; finish and usage come last")
    void streamAssemblesToTheChatAnswer() {
        requires(Capability.STREAMING);
        String expected = client.chat(prompt(PROMPT)).text();

        List<ChatEvent> events = events(client.stream(prompt(PROMPT)));

        StringBuilder text = new StringBuilder();
        events.stream().filter(ChatEvent.TextDelta.class::isInstance)
                .forEach(e -> text.append(((ChatEvent.TextDelta) e).text()));
        assertThat(text.toString()).isEqualTo(expected).isEqualTo(ECHO);
        assertThat(events.stream().filter(ChatEvent.TextDelta.class::isInstance).count())
                .as("text deltas: one per word").isEqualTo(ECHO_WORDS);
        assertThat(events).filteredOn(ChatEvent.Finish.class::isInstance).singleElement()
                .isEqualTo(new ChatEvent.Finish(FinishReason.STOP));
        int finishAt = indexOf(events, ChatEvent.Finish.class);
        assertThat(events.subList(finishAt, events.size()))
                .as("after the finish only usage and the server's metadata may follow")
                .allMatch(e -> e instanceof ChatEvent.Finish || e instanceof ChatEvent.UsageEvent
                        || e instanceof ChatEvent.ExtensionsEvent);
    }

    @Test
    @DisplayName("stream: usage at the end of the stream")
    void streamUsage() {
        requires(Capability.STREAMING);
        requires(Capability.STREAM_USAGE);

        ChatResponse response = client.stream(prompt(PROMPT)).collect();

        assertThat(response.usage()).as("usage").isNotNull();
        assertThat(response.usage().promptTokens()).isEqualTo(PROMPT_WORDS);
        assertThat(response.usage().completionTokens()).isEqualTo(ECHO_WORDS);
    }

    @Test
    @DisplayName("stream: single use; iterating twice fails clearly")
    void streamIsSingleUse() {
        requires(Capability.STREAMING);
        try (ChatStream stream = client.stream(prompt(PROMPT))) {
            assertThat(stream.collect().text()).isEqualTo(ECHO);
            assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("finish reason length when max_tokens cuts the answer")
    void finishReasonLength(Mode mode) {
        requires(mode);
        ChatResponse response = send(mode, ChatRequest.builder().user(PROMPT).maxTokens(3).build());

        assertThat(response.text()).isEqualTo(FIRST_THREE_CHUNKS);
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        if (response.usage() != null) {
            assertThat(response.usage().completionTokens()).as("completion tokens").isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("你好 and 😊 arrive whole when every byte is written on its own")
    void unicodeSplitAcrossWrites(Mode mode) {
        requires(mode);
        server.faults().forNextRequest(new Fault.SplitWrites(1));

        ChatResponse response = send(mode, prompt(UNICODE_PROMPT));

        assertThat(response.text()).isEqualTo(UNICODE_ANSWER);
    }

    @Test
    @DisplayName("cancellation: closing a stream mid-way closes the connection, and the server sees it")
    void closingCancels() throws InterruptedException {
        requires(Capability.STREAMING);
        requires(Capability.CANCELLATION);
        server.faults().forNextRequest(new Fault.StallMidStream(2, Duration.ofSeconds(30)));
        long cancelledBefore = server.stats().cancelledStreams();

        try (ChatStream stream = client.stream(prompt(PROMPT))) {
            Iterator<ChatEvent> events = stream.iterator();
            assertThat(events.next()).isInstanceOf(ChatEvent.TextDelta.class);
        } // close() here, while the server stalls

        long cancelled = awaitAtLeast(() -> server.stats().cancelledStreams(), cancelledBefore + 1);
        assertThat(cancelled).as("streams the server saw cancelled within %s", SERVER_NOTICES_WITHIN)
                .isEqualTo(cancelledBefore + 1);
    }

    private static int indexOf(List<ChatEvent> events, Class<? extends ChatEvent> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
