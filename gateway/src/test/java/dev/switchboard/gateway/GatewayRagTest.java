package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
import dev.switchboard.server.RagOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.ReasoningShape;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * The RAG route and {@code /v1/completions} on a gateway in front of a scripted upstream that
 * records what it receives: the knowledge base is embedded by the upstream, the waiting message is
 * the first content, the best-matching passage is in the context the upstream received, and a text
 * completion reaches the upstream as a text completion.
 */
class GatewayRagTest {

    private static final String WAITING = "Checking the docs... ";

    @TempDir
    static Path knowledge;
    static final List<ChatRequest> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger embedCalls = new AtomicInteger();
    static SwitchboardServer upstream;
    static SwitchboardServer gateway;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(knowledge.resolve("billing.md"), "Invoices are sent on the first day of each month by email.");
        Files.writeString(knowledge.resolve("garden.txt"), "Tomatoes need full sun and water at their roots.");
        upstream = SwitchboardServer.start(new Recording(new ScriptedEngine()));
        gateway = SwitchboardServer.builder().engine(Gateways.engine(Duration.ofSeconds(1), upstream.openAiBaseUrl()))
                .rag(RagOptions.builder(knowledge).waitingMessage(WAITING).topK(1).build()).start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void theWaitingMessageComesFirstAndTheUpstreamReceivesTheBestPassage() {
        assertThat(embedCalls.get()).as("the knowledge base was embedded by the upstream").isPositive();
        received.clear();

        HttpResponse<String> response = Gateways.post(gateway, "/rag/chat/completions", "{\"model\":\"scripted\","
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"When are invoices sent by email?\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Gateways.sseText(response.body())).isEqualTo(WAITING + "You said: When are invoices sent by email?");
        JsonNode firstContent = Gateways.json(Gateways.sseData(response.body()).get(1));
        assertThat(firstContent.path("choices").path(0).path("delta").path("content").asText()).isEqualTo(WAITING);
        assertThat(received).hasSize(1);
        String context = ((ChatMessage.SystemMessage) received.get(0).messages().get(0)).content();
        assertThat(context).contains("file: billing.md").contains("first day of each month").doesNotContain("garden");
    }

    @Test
    void aTextCompletionReachesTheUpstreamAsATextCompletion() {
        received.clear();

        HttpResponse<String> response = Gateways.post(gateway, "/v1/completions",
                "{\"model\":\"scripted\",\"prompt\":\"Once upon a time\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Gateways.json(response.body()).path("choices").path(0).path("text").asText())
                .isEqualTo("You said: Once upon a time");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).extensions()).as("marked raw by the upstream's /v1/completions route")
                .containsEntry(Engine.RAW_PROMPT, true);
    }

    /** The scripted engine, keeping the chat requests it receives and counting embedding calls. */
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
            embedCalls.incrementAndGet();
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
