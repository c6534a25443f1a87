package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.openai.errors.RateLimitException;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class AsyncStreamingChatTest {

    @Test
    void pushesEachPieceToTheCallbackOffTheCallersThreadThenCompletes(Endpoint endpoint) throws Exception {
        List<String> tokens = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();

        CompletableFuture<String> answer = AsyncStreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Tell me a short story", token -> {
            tokens.add(token);
            threads.add(Thread.currentThread());
        });

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("You said: Tell me a short story");
        assertThat(tokens).containsExactly("You ", "said: ", "Tell ", "me ", "a ", "short ", "story");
        assertThat(threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void anErrorStatusCompletesTheFutureExceptionally(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(429, "slow down", null));

        CompletableFuture<String> answer = AsyncStreamingChat.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Hi", token -> { });

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RateLimitException.class).hasMessageContaining("slow down");
    }
}
