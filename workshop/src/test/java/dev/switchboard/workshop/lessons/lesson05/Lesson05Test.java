package dev.switchboard.workshop.lessons.lesson05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;

import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.LessonContract;
import dev.switchboard.workshop.lessons.Verdict;
import reactor.core.publisher.Flux;

class Lesson05Test extends LessonContract<SpringAiWork> {

    private final SpringAiWork starter = new SpringAiChat();
    private final SpringAiWork solution = new dev.switchboard.workshop.lessons.lesson05.solution.SpringAiChat();

    @Override
    protected Lesson<SpringAiWork> lesson() {
        return new Lesson05();
    }

    @Test
    void theStarterReportsEachOfItsThreeGaps(Endpoint endpoint) {
        Verdict verdict = lesson().check(starter, endpoint);

        assertThat(verdict.findings()).hasSize(3);
        assertThat(verdict.findings().get(0)).startsWith("ChatClient: not done yet: build the ChatClient");
        assertThat(verdict.findings().get(1)).startsWith("call: not done yet: ask in SpringAiChat.ask");
        assertThat(verdict.findings().get(2)).startsWith("stream: not done yet: stream in SpringAiChat.stream");
    }

    @Test
    void withTheClientAndCallWrittenOnlyTheStreamIsLeft(Endpoint endpoint) {
        SpringAiWork half = new Mixed(solution) {
            @Override
            public Flux<String> stream(ChatClient client, String prompt) {
                return starter.stream(client, prompt);
            }
        };

        Verdict verdict = lesson().check(half, endpoint);

        assertThat(verdict.findings()).singleElement().asString().startsWith("stream: not done yet");
    }

    @Test
    void aWholeAnswerInOneFluxElementIsNotAStream(Endpoint endpoint) {
        SpringAiWork oneLump = new Mixed(solution) {
            @Override
            public Flux<String> stream(ChatClient client, String prompt) {
                return Flux.just(solution.ask(client, prompt));
            }
        };

        Verdict verdict = lesson().check(oneLump, endpoint);

        assertThat(verdict.findings()).singleElement().asString().startsWith("stream: the Flux gave 1 piece(s)");
    }

    @Test
    void anUnknownModelIsExplained(Endpoint endpoint) {
        Verdict verdict = lesson().check(solution, endpoint.toBuilder().chatModel("no-such-model").build());

        assertThat(verdict.findings()).hasSize(2).allSatisfy(finding -> assertThat(finding).contains("(404)"));
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
    void aChatClientWithoutAKeyIsReported(Endpoint endpoint) {
        SpringAiWork noKey = new Mixed(solution) {
            @Override
            public ChatClient chatClient(Endpoint e) {
                return ChatClient.create(org.springframework.ai.openai.OpenAiChatModel.builder()
                        .options(org.springframework.ai.openai.OpenAiChatOptions.builder().baseUrl(e.baseUrl())
                                .apiKey(e.apiKey()).model(e.chatModel()).maxRetries(0).build())
                        .build());
            }
        };

        // Spring AI may fall back to OPENAI_API_KEY from the environment when no key is given
        assumeTrue(System.getenv("OPENAI_API_KEY") == null, "OPENAI_API_KEY is set");

        Verdict verdict = lesson().check(noKey, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).singleElement().asString()
                .startsWith("ChatClient: IllegalStateException: At least one credential source must be specified");
    }

    /** The solution, with a method overridden by a test. */
    private static class Mixed implements SpringAiWork {
        private final SpringAiWork base;

        Mixed(SpringAiWork base) {
            this.base = base;
        }

        @Override
        public ChatClient chatClient(Endpoint endpoint) {
            return base.chatClient(endpoint);
        }

        @Override
        public String ask(ChatClient client, String prompt) {
            return base.ask(client, prompt);
        }

        @Override
        public Flux<String> stream(ChatClient client, String prompt) {
            return base.stream(client, prompt);
        }
    }
}
