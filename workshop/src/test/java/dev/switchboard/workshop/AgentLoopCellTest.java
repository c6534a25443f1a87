package dev.switchboard.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.testkit.LlmEndpointExtension;

/** The agent-loop cell: the examples-agent runtime on every style's client, against the scripted server. */
@ExtendWith(LlmEndpointExtension.class)
class AgentLoopCellTest {

    static Stream<String> styles() {
        return LlmClients.availableStyles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void theRuntimeRunsTheToolRoundTripOnEveryStyle(String style, Endpoint endpoint, SwitchboardServer server) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        long requestsBefore = server.stats().requests();

        Outcome outcome;
        try (LlmClient client = LlmClients.create(style, endpoint)) {
            outcome = AgentLoopCell.run(client, new PrintStream(printed, true, StandardCharsets.UTF_8));
        }

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(outcome).as(text).isEqualTo(Outcome.passed("1 tool call(s), then an answer"));
        assertThat(text).contains("tool call get_weather({\"city\":\"Paris\"}) -> "
                        + "{\"city\":\"Paris\",\"temperature_c\":21,\"sky\":\"clear\"}")
                .contains("get_weather returned {\"city\":\"Paris\",\"temperature_c\":21,\"sky\":\"clear\"}.");
        assertThat(server.stats().requests() - requestsBefore).as("model calls").isEqualTo(2);
    }

    @Test
    void aClientWithoutToolsMakesTheCellUnsupportedWithItsReason(Endpoint endpoint, SwitchboardServer server) {
        long requestsBefore = server.stats().requests();
        try (LlmClient client = new NoTools(LlmClients.create("raw-http", endpoint))) {
            Outcome outcome = AgentLoopCell.run(client, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
            assertThat(outcome).isEqualTo(Outcome.notSupported("no tools in this test"));
        }
        assertThat(server.stats().requests()).isEqualTo(requestsBefore);
    }

    @Test
    void aServerThatRefusesToolsMakesTheCellUnsupportedWithTheServersWords(Endpoint endpoint, SwitchboardServer server) {
        // Ollama's answer for a model without the tools capability (ollama-wire.md).
        server.faults().forNextRequest(new Fault.Status(400, "registry.ollama.ai/library/gemma:2b does not support tools",
                null));
        try (LlmClient client = LlmClients.create("raw-http", endpoint)) {
            Outcome outcome = AgentLoopCell.run(client, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
            assertThat(outcome.status()).isEqualTo(Outcome.Status.NOT_SUPPORTED);
            assertThat(outcome.detail()).isEqualTo(
                    "the server refuses tools: registry.ollama.ai/library/gemma:2b does not support tools");
        }
    }

    /** A real client that declares tools unsupported, as a style without tool calling does. */
    private static final class NoTools implements LlmClient {
        private final LlmClient delegate;

        NoTools(LlmClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            return delegate.chat(request);
        }

        @Override
        public ChatStream stream(ChatRequest request) {
            return delegate.stream(request);
        }

        @Override
        public EmbeddingResponse embed(EmbeddingRequest request) {
            return delegate.embed(request);
        }

        @Override
        public List<ModelInfo> models() {
            return delegate.models();
        }

        @Override
        public dev.switchboard.core.CompletionResponse complete(dev.switchboard.core.CompletionRequest request) {
            return delegate.complete(request);
        }

        @Override
        public dev.switchboard.core.ChatStream streamCompletion(dev.switchboard.core.CompletionRequest request) {
            return delegate.streamCompletion(request);
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(Map.of(Capability.TOOLS, "no tools in this test"));
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
