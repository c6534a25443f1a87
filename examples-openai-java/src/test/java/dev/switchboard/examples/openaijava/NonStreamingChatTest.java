package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.openai.errors.NotFoundException;

import dev.switchboard.core.Endpoint;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class NonStreamingChatTest {

    @Test
    void returnsTheWholeAnswer(Endpoint endpoint) {
        assertThat(NonStreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Why is the sky blue?"))
                .isEqualTo("You said: Why is the sky blue?");
    }

    @Test
    void anUnknownModelIsTheSdksNotFoundExceptionWithTheServersMessage(Endpoint endpoint) {
        assertThatThrownBy(() -> NonStreamingChat.run(endpoint.baseUrl(), "test-key", "no-such-model", "Hi"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-model");
    }
}
