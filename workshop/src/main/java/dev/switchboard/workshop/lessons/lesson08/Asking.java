package dev.switchboard.workshop.lessons.lesson08;

import java.time.Duration;

import dev.switchboard.core.LlmClient;

/** The code lesson 8's learner tests: one question, retried once when the server says 429. */
public interface Asking {

    /** Waits; the check and the learner's spec pass one that only records the wait. */
    interface Sleeper {
        /** Waits {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Asks {@code question} and returns the answer's text. On a {@code RateLimitedException} (429) it
     * waits {@code retryAfter()} (1 second when the server sent none) through {@code sleeper} and
     * asks once more; a second failure, and any other error, goes to the caller unchanged.
     */
    String ask(LlmClient client, String question, Sleeper sleeper);
}
