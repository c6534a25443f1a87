package dev.switchboard.workshop.lessons.lesson09;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.LessonContract;
import dev.switchboard.workshop.lessons.Verdict;

class Lesson09Test extends LessonContract<ProviderByConfiguration> {

    private final ProviderByConfiguration solution = new dev.switchboard.workshop.lessons.lesson09.solution.OneClient();

    @Override
    protected Lesson<ProviderByConfiguration> lesson() {
        return new Lesson09();
    }

    private static String findings(Verdict verdict) {
        return String.join("\n", verdict.findings());
    }

    @Test
    void theStarterNamesItsFirstGap(Endpoint endpoint) {
        assertThat(findings(lesson().check(lesson().starter(), endpoint)))
                .isEqualTo("not done yet: build the Endpoint from the environment in endpoint(env)");
    }

    @Test
    void theSolutionShowsTheSameFactsThroughBothStyles(Endpoint endpoint) {
        Verdict verdict = lesson().check(solution, endpoint);

        assertThat(verdict.findings()).anyMatch(f -> f.startsWith("raw-http: an answer of"))
                .anyMatch(f -> f.startsWith("openai-java: an answer of"))
                .anyMatch(f -> f.contains("vectors of 256 dimensions"))
                .last().asString().startsWith("the same code gave the same protocol facts");
    }

    /** The solution with one method replaced, as a learner might get it wrong. */
    private abstract class Almost implements ProviderByConfiguration {
        @Override
        public Endpoint endpoint(Map<String, String> env) {
            return solution.endpoint(env);
        }

        @Override
        public LlmClient client(String style, Endpoint endpoint) {
            return solution.client(style, endpoint);
        }

        @Override
        public String ask(LlmClient client, String question) {
            return solution.ask(client, question);
        }

        @Override
        public List<String> stream(LlmClient client, String question) {
            return solution.stream(client, question);
        }

        @Override
        public List<float[]> embed(LlmClient client, List<String> texts) {
            return solution.embed(client, texts);
        }
    }

    @Test
    void aHardCodedEndpointIsNamed(Endpoint endpoint) {
        Verdict verdict = lesson().check(new Almost() {
            @Override
            public Endpoint endpoint(Map<String, String> env) {
                return Endpoint.ollama();
            }
        }, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("raw-http: endpoint(env) gave").contains("read them from env");
    }

    @Test
    void anAnswerPassedOffAsAStreamIsNamed(Endpoint endpoint) {
        Verdict verdict = lesson().check(new Almost() {
            @Override
            public List<String> stream(LlmClient client, String question) {
                return List.of(solution.ask(client, question));
            }
        }, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("stream() returned 1 delta(s)");
    }

    @Test
    void anUnknownStyleNameIsExplained(Endpoint endpoint) {
        Verdict verdict = lesson().check(new Almost() {
            @Override
            public LlmClient client(String style, Endpoint endpoint) {
                return solution.client(style.equals("openai-java") ? "openai" : style, endpoint);
            }
        }, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("openai-java: IllegalArgumentException: no LlmClient style named 'openai'");
    }
}
