package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Endpoint;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class MultiTurnChatTest {

    @Test
    void theSecondTurnRemembersTheFirst(Endpoint endpoint) {
        List<String> printed = new ArrayList<>();

        List<String> replies = MultiTurnChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), printed::add);

        // The scripted engine answers "what is my name" only from the history sent with it.
        assertThat(replies).containsExactly("Nice to meet you, Alice.", "Your name is Alice.");
        assertThat(printed).isEqualTo(replies);
    }
}
