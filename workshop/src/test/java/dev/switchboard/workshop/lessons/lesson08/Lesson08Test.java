package dev.switchboard.workshop.lessons.lesson08;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.LessonContract;
import dev.switchboard.workshop.lessons.Verdict;

class Lesson08Test extends LessonContract<Work> {

    private final Asking goodCode = new dev.switchboard.workshop.lessons.lesson08.solution.RetryingChat();
    private final RetrySpec goodSpec = new dev.switchboard.workshop.lessons.lesson08.solution.RetryingChatSpec();

    @Override
    protected Lesson<Work> lesson() {
        return new Lesson08();
    }

    private static String findings(Verdict verdict) {
        return String.join("\n", verdict.findings());
    }

    @Test
    void theStarterNamesTheRetryGap(Endpoint endpoint) {
        Verdict verdict = lesson().check(lesson().starter(), endpoint);

        assertThat(findings(verdict)).contains("with no fault: an answer, no wait")
                .contains("not done yet: in RetryingChat.ask(): on a 429");
    }

    @Test
    void goodCodeWithTheStartersSpecNamesTheSpecGap(Endpoint endpoint) {
        Verdict verdict = lesson().check(new Work(goodCode, new RetryingChatSpec()), endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("two 429s: the second RateLimitedException reached the caller")
                .contains("not done yet: in RetryingChatSpec");
    }

    @Test
    void theSolutionSaysWhatItSaw(Endpoint endpoint) {
        Verdict verdict = lesson().check(lesson().solution(), endpoint);

        assertThat(verdict.passed()).as(findings(verdict)).isTrue();
        assertThat(findings(verdict)).contains("one 429 with Retry-After: 2: one wait of 2 s, then the answer")
                .contains("your spec catches one that does not retry")
                .contains("your spec catches one that retries without waiting");
    }

    @Test
    void retryingEverythingIsCaughtAtThe500(Endpoint endpoint) {
        Asking retriesAll = (client, question, sleeper) -> {
            ChatRequest request = ChatRequest.builder().user(question).build();
            try {
                return client.chat(request).text();
            } catch (LlmException e) {
                try {
                    sleeper.sleep(Duration.ofSeconds(1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return client.chat(request).text();
            }
        };

        Verdict verdict = lesson().check(new Work(retriesAll, goodSpec), endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("one 429 with Retry-After: 2: expected exactly one wait of 2 s")
                .contains("a 500: a 500 was waited on and retried");
    }

    @Test
    void aSpecThatOnlyChecksTheAnswerMissesTheNoWaitBug(Endpoint endpoint) {
        RetrySpec weak = (code, ep, faults) -> {
            faults.forNextRequest(new dev.switchboard.server.fault.Fault.Status(429, "slow down", Duration.ofSeconds(2)));
            try (var client = dev.switchboard.core.LlmClients.create("raw-http", ep)) {
                if (code.ask(client, "Hello", wait -> { }).isBlank()) {
                    throw new AssertionError("no answer");
                }
            }
        };

        Verdict verdict = lesson().check(new Work(goodCode, weak), endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("your spec catches one that does not retry")
                .contains("your spec passes on a broken RetryingChat, one that retries without waiting");
    }
}
