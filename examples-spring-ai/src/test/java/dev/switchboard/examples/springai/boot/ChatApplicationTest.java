package dev.switchboard.examples.springai.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;

/**
 * The Boot application, configured only through properties, against the scripted server: the
 * SSE endpoint streams the scripted answer piece by piece and ends with {@code done}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatApplicationTest {

    private static final SwitchboardServer SERVER = SwitchboardServer.start(new ScriptedEngine());
    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void pointAtTheScriptedServer(DynamicPropertyRegistry properties) {
        properties.add("spring.ai.openai.base-url", SERVER::openAiBaseUrl);
        properties.add("spring.ai.openai.chat.options.model", () -> ScriptedEngine.MODEL);
        properties.add("spring.ai.openai.embedding.options.model", () -> ScriptedEngine.EMBEDDING_MODEL);
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ChatModel chatModel;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void theStarterBuildsTheOpenAiModelFromTheProperties() {
        assertThat(chatModel).isInstanceOf(OpenAiChatModel.class);
        assertThat(((OpenAiChatModel) chatModel).getOptions().getModel()).isEqualTo(ScriptedEngine.MODEL);
    }

    @Test
    void chatStreamsTheAnswerAsServerSentEventsThenDone() {
        long completedBefore = SERVER.stats().completedStreams();

        List<ServerSentEvent<String>> events = client().get().uri("/chat?q={q}", "Why is the sky blue?")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(EVENT)
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(events).isNotNull();
        ServerSentEvent<String> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("done");
        List<String> texts = events.subList(0, events.size() - 1).stream().map(ServerSentEvent::data).toList();
        assertThat(texts).containsExactly("You ", "said: ", "Why ", "is ", "the ", "sky ", "blue?");
        assertThat(SERVER.stats().completedStreams()).isEqualTo(completedBefore + 1);
    }

    @Test
    void aFailingModelEndsTheStreamWithAnErrorEvent() {
        SERVER.faults().forNextRequest(new Fault.Status(503, "model is loading", null));

        List<ServerSentEvent<String>> events = client().get().uri("/chat?q={q}", "Hello")
                .exchange()
                .expectStatus().isOk()
                .returnResult(EVENT)
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("error");
            assertThat(event.data()).contains("model is loading");
        });
    }

    @Test
    void aMissingQuestionIsABadRequest() {
        client().get().uri("/chat").exchange().expectStatus().isBadRequest();
    }
}
