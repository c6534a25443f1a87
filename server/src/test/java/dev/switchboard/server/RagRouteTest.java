package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.ReasoningShape;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * {@code POST /rag/chat/completions} on the scripted engine (its embeddings are character
 * trigrams, so a question shares most with the passage that uses its words), with an engine that
 * records the chat requests it receives: the waiting message is the stream's first content, the
 * best-matching passage and its file name are in the context the engine got.
 */
class RagRouteTest {

    private static final String WAITING = "Looking it up... ";

    @TempDir
    static Path knowledge;
    static final List<ChatRequest> received = new CopyOnWriteArrayList<>();
    static volatile boolean failEmbeddings;
    static SwitchboardServer server;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(knowledge.resolve("volcanoes.md"), "# Volcanoes\n\nA volcano erupts when magma rises "
                + "through the crust and lava flows down its slopes.\n");
        Files.writeString(knowledge.resolve("bread.txt"), "Sourdough bread rises with a starter of wild yeast; "
                + "bake it in a hot oven until the crust is dark.\n");
        Files.createDirectories(knowledge.resolve("sub"));
        Files.writeString(knowledge.resolve("sub/tides.md"), "Tides follow the moon: the sea rises and falls "
                + "twice a day on most coasts.\n");
        Files.writeString(knowledge.resolve("ignored.json"), "{\"not\":\"read\"}");
        server = SwitchboardServer.builder().engine(new Recording(new ScriptedEngine()))
                .rag(RagOptions.builder(knowledge).waitingMessage(WAITING).topK(1).build()).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String ask(String question, boolean stream) {
        return "{\"model\":\"scripted\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + question + "\"}]}";
    }

    @Test
    void theWaitingMessageIsTheFirstContentThenTheAnswerAndTheBestPassageIsInTheContext() {
        received.clear();
        HttpResponse<String> response = Http.post(server, "/rag/chat/completions",
                ask("How does a volcano erupt with lava and magma?", true));
        List<JsonNode> chunks = Http.sseChunks(response.body());
        List<String> contents = chunks.stream().map(c -> c.path("choices").path(0).path("delta").path("content"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).toList();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contents.get(0)).isEqualTo(WAITING);
        assertThat(String.join("", contents.subList(1, contents.size())))
                .isEqualTo("You said: How does a volcano erupt with lava and magma?");
        assertThat(Http.sseData(response.body())).last().isEqualTo("[DONE]");
        assertThat(received).hasSize(1);
        ChatMessage first = received.get(0).messages().get(0);
        assertThat(first).isInstanceOf(ChatMessage.SystemMessage.class);
        String context = ((ChatMessage.SystemMessage) first).content();
        assertThat(context).contains("file: volcanoes.md").contains("magma rises through the crust");
        assertThat(context).as("top 1 only").doesNotContain("bread.txt").doesNotContain("sub/tides.md");
        assertThat(received.get(0).messages()).hasSize(2);
    }

    @Test
    void filesInSubdirectoriesAreNamedByTheirRelativePath() {
        received.clear();
        Http.post(server, "/rag/chat/completions", ask("When do the tides rise and fall with the moon?", true));

        assertThat(((ChatMessage.SystemMessage) received.get(0).messages().get(0)).content())
                .contains("file: sub/tides.md");
    }

    @Test
    void aNonStreamingAnswerHasTheContextButNoWaitingMessage() {
        received.clear();
        HttpResponse<String> response = Http.post(server, "/rag/chat/completions",
                ask("How long to bake sourdough bread?", false));
        JsonNode message = Http.json(response.body()).path("choices").path(0).path("message");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(message.path("content").asText()).isEqualTo("You said: How long to bake sourdough bread?");
        assertThat(((ChatMessage.SystemMessage) received.get(0).messages().get(0)).content()).contains("bread.txt");
    }

    @Test
    void aRetrievalFailureAfterTheWaitingMessageIsAnErrorFrameAndBeforeOutputItsStatus() {
        failEmbeddings = true;
        try {
            HttpResponse<String> streamed = Http.post(server, "/rag/chat/completions", ask("Any volcano?", true));
            HttpResponse<String> whole = Http.post(server, "/rag/chat/completions", ask("Any volcano?", false));
            List<JsonNode> chunks = Http.sseChunks(streamed.body());
            JsonNode last = chunks.get(chunks.size() - 1);

            assertThat(streamed.statusCode()).isEqualTo(200);
            assertThat(chunks.get(1).path("choices").path(0).path("delta").path("content").asText()).isEqualTo(WAITING);
            assertThat(last.path("error").path("code").asInt()).isEqualTo(503);
            assertThat(last.path("error").path("message").asText()).contains("RAG retrieval failed")
                    .contains("the embedding model is loading");
            assertThat(Http.sseData(streamed.body())).doesNotContain("[DONE]");
            assertThat(whole.statusCode()).isEqualTo(503);
            assertThat(Http.json(whole.body()).path("error").path("message").asText()).contains("RAG retrieval failed");
        } finally {
            failEmbeddings = false;
        }
    }

    @Test
    void badBodiesAre400InTheV1Envelope() {
        String[] bodies = {"{", "{\"messages\":\"hi\"}",
                "{\"messages\":[{\"role\":\"system\",\"content\":\"no user message\"}]}"};
        for (String body : bodies) {
            HttpResponse<String> response = Http.post(server, "/rag/chat/completions", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(Http.json(response.body()).path("error").path("type").asText()).as(body)
                    .isEqualTo("invalid_request_error");
        }
    }

    @Test
    void withoutRagTheRouteIs404SayingSo() {
        try (SwitchboardServer plain = SwitchboardServer.start(new ScriptedEngine())) {
            HttpResponse<String> response = Http.post(plain, "/rag/chat/completions", ask("hi", true));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Http.json(response.body()).path("error").path("message").asText()).contains("--rag-dir");
        }
    }

    @Test
    void aMissingOrEmptyDirectoryStopsTheStart(@TempDir Path empty) throws IOException {
        Files.writeString(empty.resolve("blank.md"), "\n\n   \n");

        assertThatThrownBy(() -> SwitchboardServer.builder().engine(new ScriptedEngine())
                .rag(RagOptions.builder(empty.resolve("nope")).build()).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SwitchboardServer.builder().engine(new ScriptedEngine())
                .rag(RagOptions.builder(empty).build()).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no .txt or .md file");
    }

    /** The scripted engine, keeping every chat request it receives. */
    static final class Recording implements Engine {
        private final ScriptedEngine scripted;

        Recording(ScriptedEngine scripted) {
            this.scripted = scripted;
        }

        @Override
        public List<ModelInfo> models() {
            return scripted.models();
        }

        @Override
        public EngineCall chat(ChatRequest request, EngineSink sink) {
            received.add(request);
            return scripted.chat(request, sink);
        }

        @Override
        public EmbeddingResponse embed(EmbeddingRequest request) {
            if (failEmbeddings) {
                throw new EngineException(503, "the embedding model is loading");
            }
            return scripted.embed(request);
        }

        @Override
        public ReasoningShape reasoningShape(String model) {
            return scripted.reasoningShape(model);
        }

        @Override
        public void close() {
            scripted.close();
        }
    }
}
