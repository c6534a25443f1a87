package dev.switchboard.testkit;

import static dev.switchboard.testkit.ContractFixtures.ECHO;
import static dev.switchboard.testkit.ContractFixtures.FIRST_TWO_CHUNKS;
import static dev.switchboard.testkit.ContractFixtures.PROMPT;
import static dev.switchboard.testkit.ContractFixtures.TWO_CITIES_QUESTION;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_TOOL;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_TOOL_NAME;
import static dev.switchboard.testkit.ContractFixtures.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.server.fault.Fault;

/**
 * {@link LlmClientContract}'s cases on broken answers: malformed chunks and bodies, dropped
 * connections, a missing end marker and stalls, each giving its typed exception (within the read
 * timeout for the stalls) with the partial answer kept.
 */
abstract class BrokenStreamCases extends ErrorCases {

    /** How long the server stalls in the timeout cases, against {@link #SHORT_READ_TIMEOUT}. */
    private static final Duration STALL = Duration.ofSeconds(4);
    /** The bound on how long a timeout case may take: the read timeout plus generous slack, not a speed target. */
    private static final Duration TIMEOUT_BOUND = SHORT_READ_TIMEOUT.plus(Duration.ofSeconds(3));

    BrokenStreamCases() {
    }

    @Test
    @DisplayName("stream: a malformed chunk is StreamInterruptedException caused by MalformedResponseException, text so far kept")
    void malformedChunk() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.MalformedChunk(2));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(prompt(PROMPT)).collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.getCause()).isInstanceOf(MalformedResponseException.class);
        assertThat(((MalformedResponseException) e.getCause()).payload()).as("the payload names itself").isNotBlank();
        assertThat(e.partial().text()).isEqualTo(FIRST_TWO_CHUNKS);
    }

    @Test
    @DisplayName("chat: a body that is not JSON is MalformedResponseException")
    void malformedBody() {
        server.faults().forNextRequest(new Fault.MalformedChunk(0));
        assertThatThrownBy(() -> client.chat(prompt(PROMPT))).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    @DisplayName("stream: a dropped connection is StreamInterruptedException with the text so far")
    void droppedMidStream() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.DropConnection(2));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(prompt(PROMPT)).collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.partial().text()).isEqualTo(FIRST_TWO_CHUNKS);
    }

    @Test
    @DisplayName("stream: a cut after a whole tool call keeps that call in the partial answer")
    void droppedDuringToolCalls() {
        requires(Capability.STREAMING);
        requires(Capability.TOOLS);
        // Two frames: on /v1 the first call's two fragments; natively, each call is one line.
        server.faults().forNextRequest(new Fault.DropConnection(2));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(ChatRequest.builder().user(TWO_CITIES_QUESTION).addTool(WEATHER_TOOL).build())
                        .collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.partial().toolCalls()).isNotEmpty();
        ToolCall first = e.partial().toolCalls().get(0);
        assertThat(first.name()).isEqualTo(WEATHER_TOOL_NAME);
        assertThat(first.arguments().replace(" ", "")).isEqualTo("{\"city\":\"Paris\"}");
    }

    @Test
    @DisplayName("chat: a connection closed without an answer is ConnectionException")
    void droppedBeforeAnswer() {
        server.faults().forNextRequest(new Fault.DropConnection(0));
        assertThatThrownBy(() -> client.chat(prompt(PROMPT))).isInstanceOf(ConnectionException.class);
    }

    @Test
    @DisplayName("stream: a stream without its end marker is StreamInterruptedException with all the text")
    void noDoneMarker() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.NoDoneMarker());

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(prompt(PROMPT)).collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.partial().text()).isEqualTo(ECHO);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("a stall before the first byte is LlmTimeoutException within the read timeout")
    void stallBeforeFirstByte(Mode mode) {
        requires(mode);
        server.faults().forNextRequest(new Fault.StallBeforeFirstByte(STALL));
        try (LlmClient impatient = createClient(endpoint.toBuilder().readTimeout(SHORT_READ_TIMEOUT).build())) {
            LlmException e = assertTimeoutPreemptively(TIMEOUT_BOUND,
                    () -> catchThrowableOfType(LlmException.class, () -> send(impatient, mode, prompt(PROMPT))));
            assertThat(e).isInstanceOf(LlmTimeoutException.class);
        }
    }

    @Test
    @DisplayName("stream: a stall mid-stream is StreamInterruptedException caused by LlmTimeoutException, text so far kept")
    void stallMidStream() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.StallMidStream(2, STALL));
        try (LlmClient impatient = createClient(endpoint.toBuilder().readTimeout(SHORT_READ_TIMEOUT).build())) {
            StreamInterruptedException e = assertTimeoutPreemptively(TIMEOUT_BOUND,
                    () -> catchThrowableOfType(StreamInterruptedException.class,
                            () -> impatient.stream(prompt(PROMPT)).collect()));
            assertThat(e).as("exception").isNotNull();
            assertThat(e.getCause()).isInstanceOf(LlmTimeoutException.class);
            assertThat(e.partial().text()).isEqualTo(FIRST_TWO_CHUNKS);
        }
    }
}
