package dev.switchboard.workshop.lessons.lesson08.solution;

import java.time.Duration;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.workshop.lessons.lesson08.Asking;

/** Lesson 8's reference code: a 429 retried once, after the server's {@code Retry-After}. */
public final class RetryingChat implements Asking {

    @Override
    public String ask(LlmClient client, String question, Sleeper sleeper) {
        ChatRequest request = ChatRequest.builder().user(question).build();
        try {
            return client.chat(request).text();
        } catch (RateLimitedException e) {
            Duration wait = e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(1);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw e;
            }
            return client.chat(request).text();
        }
    }
}
