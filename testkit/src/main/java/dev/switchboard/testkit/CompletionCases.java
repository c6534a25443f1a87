package dev.switchboard.testkit;

import static dev.switchboard.testkit.ContractFixtures.ECHO;
import static dev.switchboard.testkit.ContractFixtures.ECHO_WORDS;
import static dev.switchboard.testkit.ContractFixtures.FIRST_THREE_CHUNKS;
import static dev.switchboard.testkit.ContractFixtures.FIRST_TWO_CHUNKS;
import static dev.switchboard.testkit.ContractFixtures.PROMPT;
import static dev.switchboard.testkit.ContractFixtures.PROMPT_WORDS;
import static dev.switchboard.testkit.ContractFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.CompletionResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.error.UnsupportedCapabilityException;
import dev.switchboard.server.fault.Fault;

/**
 * {@link LlmClientContract}'s cases on text completions ({@code POST /v1/completions}): the answer,
 * its usage and finish reasons, a stream that assembles to it, a status fault and a dropped stream;
 * for a style that declares {@link Capability#COMPLETIONS} unsupported, the typed error with
 * nothing sent (the other cases skip with the style's reason).
 */
abstract class CompletionCases extends BrokenStreamCases {

    CompletionCases() {
    }

    @Test
    @DisplayName("completions: the text, finish reason stop, and usage")
    void complete() {
        requires(Capability.COMPLETIONS);

        CompletionResponse response = client.complete(CompletionRequest.of(PROMPT));

        assertThat(response.text()).isEqualTo(ECHO);
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(new Usage(PROMPT_WORDS, ECHO_WORDS, PROMPT_WORDS + ECHO_WORDS));
    }

    @Test
    @DisplayName("completions: the stream's deltas assemble to the text; finish, then usage, come last")
    void streamCompletion() {
        requires(Capability.COMPLETIONS);

        List<ChatEvent> events = events(client.streamCompletion(CompletionRequest.of(PROMPT)));

        assertThat(events).hasSizeGreaterThan(2);
        List<ChatEvent> deltas = events.subList(0, events.size() - 2);
        assertThat(deltas).as("every event before the last two").allMatch(e -> e instanceof ChatEvent.TextDelta);
        assertThat(deltas).as("more than one delta: streamed, not buffered").hasSizeGreaterThan(1);
        StringBuilder text = new StringBuilder();
        deltas.forEach(e -> text.append(((ChatEvent.TextDelta) e).text()));
        assertThat(text).hasToString(ECHO);
        assertThat(events.get(events.size() - 2)).isEqualTo(new ChatEvent.Finish(FinishReason.STOP));
        assertThat(events.get(events.size() - 1)).isEqualTo(new ChatEvent.UsageEvent(
                new Usage(PROMPT_WORDS, ECHO_WORDS, PROMPT_WORDS + ECHO_WORDS)));
    }

    @Test
    @DisplayName("completions: max_tokens cuts the text with finish reason length, streaming and not")
    void completionLength() {
        requires(Capability.COMPLETIONS);
        CompletionRequest request = CompletionRequest.builder().prompt(PROMPT).maxTokens(3).build();

        CompletionResponse whole = client.complete(request);
        ChatResponse streamed;
        try (ChatStream stream = client.streamCompletion(request)) {
            streamed = stream.collect();
        }

        assertThat(whole.text()).isEqualTo(FIRST_THREE_CHUNKS);
        assertThat(whole.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(streamed.text()).isEqualTo(FIRST_THREE_CHUNKS);
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    @DisplayName("completions: 429 is RateLimitedException with its Retry-After")
    void completionRateLimited() {
        requires(Capability.COMPLETIONS);
        server.faults().forNextRequest(new Fault.Status(429, "slow down", Duration.ofSeconds(7)));

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> client.complete(CompletionRequest.of(PROMPT)));

        assertThat(e).as("exception").isNotNull();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("completions: a stream dropped after two chunks is StreamInterruptedException with the text so far")
    void completionStreamDropped() {
        requires(Capability.COMPLETIONS);
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.DropConnection(2));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class, () -> {
            try (ChatStream stream = client.streamCompletion(CompletionRequest.of(PROMPT))) {
                stream.collect();
            }
        });

        assertThat(e).as("exception").isNotNull();
        assertThat(e.partial().text()).isEqualTo(FIRST_TWO_CHUNKS);
    }

    @Test
    @DisplayName("completions, unsupported: both calls throw UnsupportedCapabilityException and send nothing")
    void completionsUnsupportedIsTyped() {
        assumeFalse(client.capabilities().supports(Capability.COMPLETIONS),
                "this style supports COMPLETIONS: the other completion cases test it");
        long requestsBefore = server.stats().requests();

        assertThatThrownBy(() -> client.complete(CompletionRequest.of(PROMPT)))
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
                        e -> assertThat(e.capability()).isEqualTo(Capability.COMPLETIONS))
                .hasMessageContaining(client.capabilities().reasonUnsupported(Capability.COMPLETIONS));
        assertThatThrownBy(() -> client.streamCompletion(CompletionRequest.of(PROMPT)))
                .isInstanceOf(UnsupportedCapabilityException.class);
        assertThat(server.stats().requests()).as("requests the server received").isEqualTo(requestsBefore);
    }
}
