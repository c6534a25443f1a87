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
        assertThat(NonStreamingChat.run(endpoint, "Why is the sky blue?")).isEqualTo("You said: Why is the sky blue?");
    }

    @Test
    void anUnknownModelIsTheSdksNotFoundExceptionWithTheServersMessage(Endpoint endpoint) {
        Endpoint unknown = endpoint.toBuilder().chatModel("no-such-model").build();

        assertThatThrownBy(() -> NonStreamingChat.run(unknown, "Hi"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-model");
    }
}
