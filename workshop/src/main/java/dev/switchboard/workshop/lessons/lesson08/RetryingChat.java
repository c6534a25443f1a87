package dev.switchboard.workshop.lessons.lesson08;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.workshop.lessons.Gap;

/**
 * LESSON 8 — YOUR FILE (1 of 2). Asks one question; a 429 is retried once, after the wait the
 * server asked for. Replace the {@code throw new Gap(...)}; then write {@link RetryingChatSpec} and run
 * {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=8}.
 * The lesson: workshop/lessons/08-testing.md.
 */
public final class RetryingChat implements Asking {

    @Override
    public String ask(LlmClient client, String question, Sleeper sleeper) {
        ChatRequest request = ChatRequest.builder().user(question).build();
        try {
            return client.chat(request).text();
        } catch (RateLimitedException e) {
            // TODO 1: wait e.retryAfter() (Duration.ofSeconds(1) when it is null) with sleeper.sleep(...),
            //         then send the request once more and return its text; let a second failure propagate.
            //         Catch only RateLimitedException: a 401, a 404 or a 500 goes to the caller at once.
            throw new Gap("in RetryingChat.ask(): on a 429, sleep e.retryAfter() (1 s when null) and ask once more");
        }
    }
}
