package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.core.error.HttpErrors;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.RouteNotFoundException;

/**
 * llama-server's answer for a path it does not have (GET and POST, recorded), read the way every style
 * reads an error body, is a missing route, not a missing model.
 */
class MissingRouteTranscriptTest {

    @ParameterizedTest
    @ValueSource(strings = {"15-unknown-route.txt", "16-unknown-route-post.txt"})
    void llamaServersFileNotFoundIsRouteNotFound(String name) {
        Transcripts.Recorded recorded = Transcripts.load(name);
        ErrorBody error = OpenAiWire.readError(recorded.body());

        LlmException e = HttpErrors.forStatus(recorded.status(), error.message(), error.code(), null, "/api/chat");

        assertThat(e).isInstanceOf(RouteNotFoundException.class)
                .hasMessage("HTTP 404: File Not Found: this server has no /api/chat: is it an Ollama?");
    }
}
