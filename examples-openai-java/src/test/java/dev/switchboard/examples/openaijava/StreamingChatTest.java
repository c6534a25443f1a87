package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class StreamingChatTest {

    @Test
    void streamsTheAnswerPieceByPieceAndReturnsItWhole(Endpoint endpoint) {
        List<String> tokens = new ArrayList<>();

        String answer = StreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Tell me a short story", tokens::add);

        assertThat(answer).isEqualTo("You said: Tell me a short story");
        assertThat(tokens).containsExactly("You ", "said: ", "Tell ", "me ", "a ", "short ", "story");
    }

    @Test
    void charactersSplitAcrossWritesArriveWhole(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.SplitWrites(1));

        assertThat(StreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Show me unicode", t -> { })).isEqualTo("你好 😊 Unicode works.");
    }

    @Test
    void aStatusBeforeTheStreamIsTheSdksExceptionForIt(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(429, "rate limit exceeded", null));

        assertThatThrownBy(() -> StreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Hi", t -> { }))
                .isInstanceOf(RateLimitException.class)
                .hasMessageContaining("rate limit exceeded");
    }

    @Test
    void aDroppedConnectionIsAnIoExceptionAfterTheTextSoFar(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.DropConnection(2));
        List<String> tokens = new ArrayList<>();

        assertThatThrownBy(() -> StreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "one two three four", tokens::add))
                .isInstanceOf(OpenAIIoException.class);
        assertThat(tokens).containsExactly("You ", "said: ");
    }

    @Test
    void aChunkThatIsNotJsonIsInvalidData(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.MalformedChunk(1));

        assertThatThrownBy(() -> StreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "one two three", t -> { }))
                .isInstanceOf(OpenAIInvalidDataException.class);
    }

    @Test
    void anErrorEventInsideTheStreamIsAnSseExceptionWithTheServersMessage() {
        String sse = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                + "data: {\"error\":{\"code\":500,\"message\":\"the model crashed\",\"type\":\"server_error\"}}\n\n";
        try (RecordedServer canned = new RecordedServer().enqueue(200, "text/event-stream", sse)) {
            assertThatThrownBy(() -> StreamingChat.run(canned.baseUrl(), "test-key", "tiny", "Hi", t -> { }))
                    .isInstanceOf(SseException.class)
                    .hasMessageContaining("the model crashed");
        }
    }

    /** What the README says the SDK does not cover: this pins it, so a fixed SDK shows up here. */
    @Test
    void aStreamWithoutDoneEndsQuietlyAsIfComplete(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.NoDoneMarker());

        assertThat(StreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Hello world", t -> { })).isEqualTo("You said: Hello world");
    }
}
