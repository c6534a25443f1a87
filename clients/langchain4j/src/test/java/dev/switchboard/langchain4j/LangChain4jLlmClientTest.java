package dev.switchboard.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.error.BadRequestException;
import dev.switchboard.core.error.ModelNotFoundException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.error.RouteNotFoundException;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * What the contract suite does not cover: lookup by name, extensions, closing from another thread, a
 * missing end marker's message, concurrent calls keeping their own state.
 */
@ExtendWith(LlmEndpointExtension.class)
class LangChain4jLlmClientTest {

    @Test
    void bothFlavoursAreFoundByStyleName(Endpoint endpoint) {
        assertThat(LlmClients.availableStyles()).contains("langchain4j", "langchain4j-ollama");
        try (LlmClient openAi = LlmClients.create("langchain4j", endpoint);
                LlmClient ollama = LlmClients.create("langchain4j-ollama", endpoint)) {
            assertThat(openAi.chat(ChatRequest.builder().user("Hi").build()).text()).isEqualTo("You said: Hi");
            assertThat(ollama.chat(ChatRequest.builder().user("Hi").build()).text()).isEqualTo("You said: Hi");
        }
    }

    @Test
    void extensionsTravelAsTopLevelFieldsOnV1AndAreRefusedNatively(Endpoint endpoint) {
        ChatRequest request = ChatRequest.builder().user("Hi").extension("keep_alive", "5m").build();
        try (LlmClient openAi = LangChain4jLlmClient.openAiCompatible(endpoint);
                LlmClient ollama = LangChain4jLlmClient.ollama(endpoint)) {
            assertThat(openAi.capabilities().supports(Capability.EXTENSIONS)).isTrue();
            assertThat(openAi.chat(request).text()).isEqualTo("You said: Hi");

            assertThat(ollama.capabilities().reasonUnsupported(Capability.EXTENSIONS)).contains("langchain4j-ollama");
            assertThatThrownBy(() -> ollama.chat(request)).isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("keep_alive");
        }
    }

    @Test
    void closingFromAnotherThreadUnblocksAReaderAndTheServerSeesTheCancel(Endpoint endpoint, SwitchboardServer server)
            throws Exception {
        server.faults().forNextRequest(new Fault.StallMidStream(1, Duration.ofSeconds(30)));
        long cancelledBefore = server.stats().cancelledStreams();
        try (LlmClient client = LangChain4jLlmClient.openAiCompatible(endpoint)) {
            ChatStream stream = client.stream(ChatRequest.builder().user("Tell me about streams please").build());
            Iterator<ChatEvent> events = stream.iterator();
            assertThat(events.next()).isEqualTo(new ChatEvent.TextDelta("You "));
            CompletableFuture<Boolean> reader = new CompletableFuture<>();
            Thread readerThread = new Thread(() -> reader.complete(events.hasNext())); // blocks: the server stalls
            readerThread.start();
            awaitBlocked(readerThread);
            assertThat(reader).as("the reader waits while the server stalls").isNotDone();

            stream.close();

            assertThat(reader.get(5, TimeUnit.SECONDS)).as("the blocked reader ends quietly").isFalse();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.stats().cancelledStreams() == cancelledBefore && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.stats().cancelledStreams()).isEqualTo(cancelledBefore + 1);
        }
    }

    @Test
    void aStreamWithoutItsEndMarkerSaysSo(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.NoDoneMarker());
        try (LlmClient client = LangChain4jLlmClient.openAiCompatible(endpoint)) {
            assertThatThrownBy(() -> client.stream(ChatRequest.builder().user("Hi there").build()).collect())
                    .isInstanceOf(StreamInterruptedException.class).hasMessageContaining("end marker");
        }
    }

    @Test
    void concurrentCallsOnOneClientKeepTheirOwnState(Endpoint endpoint) throws Exception {
        // Half the streams fail before their answer begins (unknown model: 404), half succeed. Were the
        // per-call state (began, payload) shared, a failing stream could see another's 2xx and report
        // a broken answer instead of the 404, or a good one another's payload.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<LlmClient> clients = List.of(LangChain4jLlmClient.openAiCompatible(endpoint),
                LangChain4jLlmClient.ollama(endpoint));
        for (LlmClient client : clients) {
            try (client) {
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    int n = i;
                    outcomes.add(pool.submit(() -> {
                        ChatRequest.Builder request = ChatRequest.builder().user("call number " + n);
                        if (n % 2 == 1) {
                            request.model("no-such-model-" + n);
                        }
                        try {
                            return client.stream(request.build()).collect().text();
                        } catch (ModelNotFoundException e) {
                            return "not found: " + e.getMessage();
                        }
                    }));
                }
                for (int i = 0; i < outcomes.size(); i++) {
                    String outcome = outcomes.get(i).get(30, TimeUnit.SECONDS);
                    if (i % 2 == 0) {
                        assertThat(outcome).as("call %d", i).isEqualTo("You said: call number " + i);
                    } else {
                        assertThat(outcome).as("call %d", i).startsWith("not found: ").contains("no-such-model-" + i);
                    }
                }
            }
        }
        pool.shutdown();
    }

    /** Waits, up to 5 s, until {@code thread} blocks (waiting, with or without a timeout): the state the test acts on. */
    private static void awaitBlocked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " did not block within 5 s: " + thread.getState());
            }
            Thread.yield();
        }
    }

    @Test
    void theOllamaFlavourOnAServerWithoutOllamasApiSaysSoInsteadOfBlamingTheModel(Endpoint endpoint, SwitchboardServer server) {
        // llama-server's answer for a path it lacks (core's reference/llama-server-transcripts/15-unknown-route.txt)
        server.faults().forNextRequest(new Fault.Status(404, "File Not Found", null));
        try (LlmClient ollama = LangChain4jLlmClient.ollama(endpoint)) {
            assertThatThrownBy(() -> ollama.chat(ChatRequest.builder().user("Hi").build()))
                    .isInstanceOf(RouteNotFoundException.class)
                    .hasMessage("HTTP 404: File Not Found: this server has no /api/chat: is it an Ollama?");
        }
    }
}
