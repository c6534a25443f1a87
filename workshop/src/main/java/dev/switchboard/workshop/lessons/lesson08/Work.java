package dev.switchboard.workshop.lessons.lesson08;

/**
 * Lesson 8's work: the code ({@link RetryingChat}) and its test ({@link RetryingChatSpec}).
 *
 * @param code the code that retries a 429 once
 * @param spec the test that tells good retrying code from broken
 */
public record Work(Asking code, RetrySpec spec) {
}
