package dev.switchboard.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.core.error.ServerErrorException;
import dev.switchboard.core.error.RouteNotFoundException;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.testkit.LlmEndpointExtension;

/** What the adapters do beyond the shared contract: retries, registration, {@code /api/generate}. */
@ExtendWith(LlmEndpointExtension.class)
class RawHttpLlmClientTest {

    private static final ChatRequest HELLO = ChatRequest.builder().user("Hello").build();

    @Test
    void bothStylesAreRegistered(Endpoint endpoint) {
        assertThat(LlmClients.availableStyles()).contains(RawHttpLlmClient.STYLE, OllamaNativeLlmClient.STYLE);
        try (LlmClient client = LlmClients.create(RawHttpLlmClient.STYLE, endpoint)) {
            assertThat(client).isInstanceOf(RawHttpLlmClient.class);
            assertThat(client.chat(HELLO).text()).isEqualTo("You said: Hello");
        }
    }

    @Test
    void withoutRetriesA503IsThrown(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(503, "loading", null));
        try (LlmClient client = new RawHttpLlmClient(endpoint)) {
            assertThatThrownBy(() -> client.chat(HELLO)).isInstanceOf(ServerErrorException.class);
        }
    }

    @Test
    void maxRetriesRetriesServerErrorsThenAnswers(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(503, "loading", null))
                .forNextRequest(new Fault.Status(500, "crashed", null));
        long requestsBefore = server.stats().requests();
        try (LlmClient client = new RawHttpLlmClient(endpoint.toBuilder().maxRetries(2).build())) {
            assertThat(client.chat(HELLO).text()).isEqualTo("You said: Hello");
        }
        assertThat(server.stats().requests() - requestsBefore).as("requests: 2 failures and 1 success").isEqualTo(3);
    }

    @Test
    void retriesStopAtMaxRetries(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(429, "slow down", Duration.ZERO))
                .forNextRequest(new Fault.Status(429, "still too fast", Duration.ZERO));
        try (LlmClient client = new RawHttpLlmClient(endpoint.toBuilder().maxRetries(1).build())) {
            assertThatThrownBy(() -> client.chat(HELLO)).isInstanceOf(RateLimitedException.class)
                    .hasMessageContaining("still too fast");
        }
    }

    @Test
    void aStreamThatFailsBeforeItsFirstEventIsRetriedToo(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(503, "loading", null));
        try (LlmClient client = new RawHttpLlmClient(endpoint.toBuilder().maxRetries(1).build());
                ChatStream stream = client.stream(HELLO)) {
            assertThat(stream.collect().text()).isEqualTo("You said: Hello");
        }
    }

    @Test
    void closingFromAnotherThreadWhileAnotherReadsNeverThrows(Endpoint endpoint) throws Exception {
        // a gateway's caller leaving: its event loop closes the upstream stream its relay thread is
        // reading. Closing OkHttp's body under the reader threw IllegalStateException (Unbalanced
        // enter/exit) in 16 of these 40 rounds; ChatStream.close promises never to throw
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            prompt.append('w').append(i).append(' ');
        }
        ChatRequest longAnswer = ChatRequest.builder().user(prompt.toString()).build();
        try (LlmClient client = new RawHttpLlmClient(endpoint)) {
            for (int round = 0; round < 40; round++) {
                ChatStream stream = client.stream(longAnswer);
                Iterator<ChatEvent> events = stream.iterator();
                CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
                    try {
                        while (events.hasNext()) {
                            events.next();
                        }
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
                Thread.sleep(1 + round % 7); // mid-stream, at varying points

                assertThatCode(stream::close).as("round %d", round).doesNotThrowAnyException();
                Throwable read = reader.get(10, TimeUnit.SECONDS);
                if (read != null) { // a reader that asks for more after the close is told so (ChatStream)
                    assertThat(read).as("round %d", round).isInstanceOf(IllegalStateException.class)
                            .hasMessage("the stream was closed");
                }
            }
        }
    }

    @Test
    void generateStreamsABarePrompt(Endpoint endpoint) {
        try (OllamaNativeLlmClient client = new OllamaNativeLlmClient(endpoint);
                ChatStream stream = client.generate(null, "Hello there")) {
            StringBuilder text = new StringBuilder();
            int deltas = 0;
            for (ChatEvent event : stream) {
                if (event instanceof ChatEvent.TextDelta delta) {
                    text.append(delta.text());
                    deltas++;
                }
            }
            assertThat(text.toString()).isEqualTo("You said: Hello there");
            assertThat(deltas).isEqualTo(4);
        }
    }

    @Test
    void aModellessRequestUsesTheEndpointsModel(Endpoint endpoint) {
        try (LlmClient client = new OllamaNativeLlmClient(endpoint)) {
            ChatResponse response = client.chat(HELLO);
            assertThat(response.model()).isEqualTo(endpoint.chatModel());
        }
    }

    @Test
    void theOllamaStyleOnAServerWithoutOllamasApiSaysSoInsteadOfBlamingTheModel(Endpoint endpoint, SwitchboardServer server) {
        // llama-server's answer for a path it lacks (core's reference/llama-server-transcripts/15-unknown-route.txt)
        server.faults().forNextRequest(new Fault.Status(404, "File Not Found", null));
        try (LlmClient ollama = LlmClients.create("raw-http-ollama", endpoint)) {
            assertThatThrownBy(() -> ollama.chat(ChatRequest.builder().user("Hi").build()))
                    .isInstanceOf(RouteNotFoundException.class)
                    .hasMessage("HTTP 404: File Not Found: this server has no /api/chat: is it an Ollama?");
        }
    }
}
