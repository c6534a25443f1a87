package dev.switchboard.workshop.lessons.lesson02;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.LessonContract;
import dev.switchboard.workshop.lessons.Verdict;

class Lesson02Test extends LessonContract<ChatStreamer> {

    private final ChatStreamer solution = new dev.switchboard.workshop.lessons.lesson02.solution.StreamingChat();

    @Override
    protected Lesson<ChatStreamer> lesson() {
        return new Lesson02(Duration.ofSeconds(3));
    }

    private static String findings(Verdict verdict) {
        return String.join("\n", verdict.findings());
    }

    @Test
    void theStarterNamesItsFirstGap(Endpoint endpoint) {
        Verdict verdict = lesson().check(lesson().starter(), endpoint);

        assertThat(findings(verdict)).startsWith("not done yet: build the request body in requestBody()");
    }

    @Test
    void theSolutionPassesWithTheFactsItSaw(Endpoint endpoint) {
        Verdict verdict = lesson().check(solution, endpoint);

        assertThat(verdict.passed()).as(findings(verdict)).isTrue();
        assertThat(findings(verdict)).contains("deltas arrived").contains("the call ended at data: [DONE]")
                .contains("a made-up model name failed with the status in the message: HTTP 404");
    }

    @Test
    void aReaderThatIgnoresDoneIsToldToStopThere(Endpoint endpoint) {
        ChatStreamer ignoresDone = (baseUrl, apiKey, model, prompt, listener) -> solution.stream(baseUrl, apiKey,
                model, prompt, new ChatStreamer.Listener() {
                    @Override
                    public void token(String text) {
                        listener.token(text);
                    }

                    @Override
                    public void done() {
                        // the learner's bug: [DONE] is not reported
                    }
                });

        Verdict verdict = lesson().check(ignoresDone, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("stream() returned without listener.done()");
    }

    @Test
    void aReaderThatWaitsPastDoneTimesOutAndTheCheckSaysSo(Endpoint endpoint) {
        ChatStreamer hangs = (baseUrl, apiKey, model, prompt, listener) -> {
            solution.stream(baseUrl, apiKey, model, prompt, new ChatStreamer.Listener() {
                @Override
                public void token(String text) {
                    listener.token(text);
                }

                @Override
                public void done() {
                    // the learner's bug: [DONE] is not where the reader stops
                }
            });
            try {
                Thread.sleep(60_000); // ... and keeps waiting for the next event, which never comes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "";
        };

        Verdict verdict = new Lesson02(Duration.ofMillis(1500)).check(hangs, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("the call did not end within 1.5 s")
                .contains("does handleLine() return true at data: [DONE]?");
    }

    @Test
    void aStreamThatStallsTimesOut(Endpoint endpoint, SwitchboardServer server) {
        // The two deltas before the stall must arrive within the check's bound, even on a loaded machine.
        server.faults().forNextRequest(new Fault.StallMidStream(2, Duration.ofSeconds(60)));

        Verdict verdict = new Lesson02(Duration.ofSeconds(5)).check(solution, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("the call did not end within 5 s").contains("deltas arrived")
                .contains("a proxy between you and the server may buffer the stream");
    }

    @Test
    void aStreamWithoutDoneFailsWithTheSolutionsOwnError(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.NoDoneMarker());

        Verdict verdict = lesson().check(solution, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("the stream ended without data: [DONE]");
    }

    @Test
    void aNon2xxWithoutTheStatusIsNamed(Endpoint endpoint) {
        ChatStreamer swallowsStatus = (baseUrl, apiKey, model, prompt, listener) -> {
            try {
                return solution.stream(baseUrl, apiKey, model, prompt, listener);
            } catch (IOException e) {
                throw new IOException("something went wrong");
            }
        };

        Verdict verdict = lesson().check(swallowsStatus, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("your code threw IOException: something went wrong")
                .contains("holding the status");
    }

    @Test
    void a401IsExplained(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(401, "invalid api key", null));

        Verdict verdict = lesson().check(solution, endpoint);

        assertThat(findings(verdict)).contains("refused the API key");
    }
}
