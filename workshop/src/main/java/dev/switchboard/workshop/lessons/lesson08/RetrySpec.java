package dev.switchboard.workshop.lessons.lesson08;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.fault.Faults;

/**
 * The test lesson 8's learner writes, as a plain method so the check can run it on good and on
 * broken code: it passes (returns) when {@code code} retries a 429 once after the server's
 * {@code Retry-After}, and throws {@link AssertionError} when it does not. In a JUnit test the same
 * body gets {@code endpoint} and the server (for {@code faults()}) from {@code LlmEndpointExtension}.
 */
public interface RetrySpec {

    /**
     * @param code     the code under test
     * @param endpoint the embedded scripted server's endpoint (model {@code scripted})
     * @param faults   that server's faults, empty at the start
     * @throws AssertionError when {@code code} does not do what the lesson asks
     */
    void retriesA429OnceAfterRetryAfter(Asking code, Endpoint endpoint, Faults faults) throws Exception;
}
