package dev.switchboard.workshop.lessons.lesson03;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.LessonContract;
import dev.switchboard.workshop.lessons.Verdict;

class Lesson03Test extends LessonContract<SdkWork> {

    private final SdkWork starter = new SdkChat();
    private final SdkWork solution = new dev.switchboard.workshop.lessons.lesson03.solution.SdkChat();

    @Override
    protected Lesson<SdkWork> lesson() {
        return new Lesson03();
    }

    @Test
    void theStarterReportsBothGapsAndThatItsAskWorks(Endpoint endpoint) {
        Verdict verdict = lesson().check(starter, endpoint);

        assertThat(verdict.findings()).hasSize(2);
        assertThat(verdict.findings().get(0)).startsWith("client: not done yet: build the client");
        assertThat(verdict.findings().get(1)).startsWith("streaming: not done yet: stream the answer");
    }

    @Test
    void withTheClientWrittenOnlyTheStreamIsLeft(Endpoint endpoint) {
        SdkWork half = new Mixed(solution, starter);

        Verdict verdict = lesson().check(half, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).singleElement().asString().startsWith("streaming: not done yet");
    }

    @Test
    void aStreamHandedOverAtTheEndIsNotAStream(Endpoint endpoint) {
        SdkWork oneDelta = new Mixed(solution, solution) {
            @Override
            public String stream(OpenAIClient client, String model, String prompt, Consumer<String> onDelta) {
                String all = solution.stream(client, model, prompt, delta -> { });
                onDelta.accept(all);
                return all;
            }
        };

        Verdict verdict = lesson().check(oneDelta, endpoint);

        assertThat(verdict.findings()).singleElement().asString()
                .startsWith("streaming: onDelta was called 1 time(s)");
    }

    @Test
    void aRefusedKeyIsExplained(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(401, "invalid api key", null));

        Verdict verdict = lesson().check(solution, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).singleElement().asString()
                .startsWith("non-streaming: the server refused the API key (401/403)");
    }

    @Test
    void anUnknownModelIsExplained(Endpoint endpoint) {
        Verdict verdict = lesson().check(solution, endpoint.toBuilder().chatModel("no-such-model").build());

        assertThat(verdict.findings()).hasSize(2)
                .allSatisfy(finding -> assertThat(finding).contains("(404)"));
    }

    @Test
    void nothingListeningIsExplained() {
        Endpoint nowhere = Endpoint.builder().baseUrl("http://127.0.0.1:9/v1").chatModel("scripted")
                .connectTimeout(Duration.ofSeconds(2)).build();

        Verdict verdict = lesson().check(solution, nowhere);

        assertThat(verdict.findings()).hasSize(2)
                .allSatisfy(finding -> assertThat(finding).containsIgnoringCase("nothing is listening"));
    }

    @Test
    void aClientWithoutAKeyIsReported(Endpoint endpoint) {
        SdkWork noKey = new Mixed(solution, solution) {
            @Override
            public OpenAIClient client(Endpoint e) {
                return com.openai.client.okhttp.OpenAIOkHttpClient.builder().baseUrl(e.baseUrl())
                        .apiKey(e.apiKey()).maxRetries(0).build(); // null for a local server
            }
        };

        Verdict verdict = lesson().check(noKey, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).singleElement().asString()
                .startsWith("client: IllegalStateException: At least one credential source must be specified");
    }

    /** The client and ask of one work, the stream of another. */
    private static class Mixed implements SdkWork {
        private final SdkWork first;
        private final SdkWork streamer;

        Mixed(SdkWork first, SdkWork streamer) {
            this.first = first;
            this.streamer = streamer;
        }

        @Override
        public OpenAIClient client(Endpoint endpoint) {
            return first.client(endpoint);
        }

        @Override
        public String ask(OpenAIClient client, String model, String prompt) {
            return first.ask(client, model, prompt);
        }

        @Override
        public String stream(OpenAIClient client, String model, String prompt, Consumer<String> onDelta) {
            return streamer.stream(client, model, prompt, onDelta);
        }
    }
}
