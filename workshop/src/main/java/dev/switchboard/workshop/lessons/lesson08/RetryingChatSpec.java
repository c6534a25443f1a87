package dev.switchboard.workshop.lessons.lesson08;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.fault.Faults;
import dev.switchboard.workshop.lessons.Gap;

/**
 * LESSON 8 — YOUR FILE (2 of 2). The test of {@link RetryingChat}, written as a plain method: the
 * check runs it on the reference code (it must pass) and on broken code (it must throw
 * {@link AssertionError}). Use no JUnit here; {@code throw new AssertionError("...")} when a fact is wrong.
 */
public final class RetryingChatSpec implements RetrySpec {

    @Override
    public void retriesA429OnceAfterRetryAfter(Asking code, Endpoint endpoint, Faults faults) throws Exception {
        // TODO 2: 1. faults.forNextRequest(new Fault.Status(429, "slow down", Duration.ofSeconds(2)));
        //         2. a Sleeper that records each Duration into a list (and does not really sleep);
        //         3. try (LlmClient client = LlmClients.create("raw-http", endpoint)) { answer = code.ask(...) }
        //         4. throw an AssertionError unless the answer is non-blank
        //            and the recorded waits are exactly [PT2S]
        throw new Gap("in RetryingChatSpec: inject a 429 with Retry-After, record the sleeps, and assert one"
                + " wait of the server's Retry-After and a non-blank answer");
    }
}
