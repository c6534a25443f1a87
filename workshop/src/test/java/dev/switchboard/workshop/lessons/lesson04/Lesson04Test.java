package dev.switchboard.workshop.lessons.lesson04;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.LessonContract;
import dev.switchboard.workshop.lessons.Verdict;

class Lesson04Test extends LessonContract<LangChain4jWork> {

    private final LangChain4jWork starter = new LangChain4jChat();
    private final LangChain4jWork solution = new dev.switchboard.workshop.lessons.lesson04.solution.LangChain4jChat();

    @Override
    protected Lesson<LangChain4jWork> lesson() {
        return new Lesson04();
    }

    @Test
    void theStarterReportsEachOfItsThreeGaps(Endpoint endpoint) {
        Verdict verdict = lesson().check(starter, endpoint);

        assertThat(verdict.findings()).hasSize(3);
        assertThat(verdict.findings().get(0)).startsWith("OpenAI-compatible: not done yet: build the OpenAI-compatible");
        assertThat(verdict.findings().get(1)).startsWith("Ollama-native: not done yet: build the Ollama-native");
        assertThat(verdict.findings().get(2)).startsWith("AI Service: not done yet: give Assistant.chat a @SystemMessage");
    }

    @Test
    void theScriptedServerServesTheNativeApi(Endpoint endpoint) {
        assertThat(Lesson04.servesOllamaApi(endpoint.rootUrl())).isTrue();
        assertThat(Lesson04.servesOllamaApi("http://127.0.0.1:9")).isFalse();
    }

    @Test
    void withoutANativeApiTheOllamaPartIsNotApplicableNotFailed(Endpoint endpoint) {
        LangChain4jWork ollamaLeftOpen = new Mixed(solution) {
            @Override
            public ChatModel ollama(Endpoint e) {
                return starter.ollama(e);
            }
        };

        Verdict verdict = new Lesson04().check(ollamaLeftOpen, endpoint, false);

        assertThat(verdict.passed()).as("%s", verdict.findings()).isTrue();
        assertThat(verdict.findings()).anySatisfy(finding -> assertThat(finding)
                .startsWith("Ollama-native: n/a, not failed — GET " + endpoint.rootUrl() + "/api/tags"));
    }

    @Test
    void anAiServiceWithoutASystemMessageIsTold(Endpoint endpoint) {
        LangChain4jWork noSystem = new Mixed(solution) {
            @Override
            public String askAssistant(ChatModel model, String question) {
                return AiServices.builder(Plain.class).chatModel(model).build().chat(question);
            }
        };

        Verdict verdict = lesson().check(noSystem, endpoint);

        assertThat(verdict.findings()).singleElement().asString()
                .startsWith("AI Service: the request had no system message: put @SystemMessage");
    }

    @Test
    void anAiServiceOverAModelOfItsOwnIsTold(Endpoint endpoint) {
        LangChain4jWork ownModel = new Mixed(solution) {
            @Override
            public String askAssistant(ChatModel model, String question) {
                return solution.askAssistant(solution.openAi(endpoint), question);
            }
        };

        Verdict verdict = lesson().check(ownModel, endpoint);

        assertThat(verdict.findings()).singleElement().asString()
                .startsWith("AI Service: nothing was sent through the model given to askAssistant");
    }

    @Test
    void anUnknownModelIsExplainedForEachPart(Endpoint endpoint) {
        Verdict verdict = lesson().check(solution, endpoint.toBuilder().chatModel("no-such-model").build());

        assertThat(verdict.findings()).hasSize(3)
                .allSatisfy(finding -> assertThat(finding).contains("(404)"));
    }

    @Test
    void anOllamaModelOnTheV1UrlIsTold(Endpoint endpoint) {
        LangChain4jWork onV1 = new Mixed(solution) {
            @Override
            public ChatModel ollama(Endpoint e) {
                return dev.langchain4j.model.ollama.OllamaChatModel.builder().baseUrl(e.baseUrl())
                        .modelName(e.chatModel()).maxRetries(0).build();
            }
        };

        Verdict verdict = lesson().check(onV1, endpoint);

        assertThat(verdict.findings()).singleElement().asString().startsWith("Ollama-native: ")
                .contains("(404)").endsWith("the base URL of OllamaChatModel is the root, " + endpoint.rootUrl()
                        + ", without /v1");
    }

    /** An AI Service interface without a system message. */
    interface Plain {
        String chat(String userMessage);
    }

    /** The solution, with a method overridden by a test. */
    private static class Mixed implements LangChain4jWork {
        private final LangChain4jWork base;

        Mixed(LangChain4jWork base) {
            this.base = base;
        }

        @Override
        public ChatModel openAi(Endpoint endpoint) {
            return base.openAi(endpoint);
        }

        @Override
        public ChatModel ollama(Endpoint endpoint) {
            return base.ollama(endpoint);
        }

        @Override
        public String askAssistant(ChatModel model, String question) {
            return base.askAssistant(model, question);
        }
    }
}
