package dev.switchboard.workshop.lessons.lesson08.solution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.server.fault.Faults;
import dev.switchboard.workshop.lessons.lesson08.Asking;
import dev.switchboard.workshop.lessons.lesson08.RetrySpec;

/**
 * Lesson 8's reference test. As a JUnit test it is
 * {@code @ExtendWith(LlmEndpointExtension.class)} and
 * {@code void retries(Endpoint endpoint, SwitchboardServer server)} with {@code server.faults()}.
 */
public final class RetryingChatSpec implements RetrySpec {

    @Override
    public void retriesA429OnceAfterRetryAfter(Asking code, Endpoint endpoint, Faults faults) throws Exception {
        faults.forNextRequest(new Fault.Status(429, "slow down", Duration.ofSeconds(2)));
        List<Duration> waits = new ArrayList<>();
        String answer;
        try (LlmClient client = LlmClients.create("raw-http", endpoint)) {
            answer = code.ask(client, "Hello", waits::add);
        }
        if (answer == null || answer.isBlank()) {
            throw new AssertionError("expected an answer after the retry, got '" + answer + "'");
        }
        if (!waits.equals(List.of(Duration.ofSeconds(2)))) {
            throw new AssertionError("expected one wait of the server's Retry-After, PT2S, got " + waits);
        }
    }
}
