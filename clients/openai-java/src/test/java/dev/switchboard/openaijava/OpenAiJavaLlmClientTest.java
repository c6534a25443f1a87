package dev.switchboard.openaijava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.BadRequestException;
import dev.switchboard.core.error.ModelNotFoundException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.testkit.LlmEndpointExtension;

/** What the adapter does beyond the shared contract. */
@ExtendWith(LlmEndpointExtension.class)
class OpenAiJavaLlmClientTest {

    @Test
    void isFoundByItsStyleName(Endpoint endpoint) {
        assertThat(LlmClients.availableStyles()).contains("openai-java");
        try (LlmClient client = LlmClients.create("openai-java", endpoint)) {
            assertThat(client).isInstanceOf(OpenAiJavaLlmClient.class);
            assertThat(client.chat(ChatRequest.builder().user("Hi").build()).text()).isEqualTo("You said: Hi");
        }
    }

    @Test
    void sendsOneRequestByDefaultNotTheSdksThree(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(503, "model is loading", null));
        long before = server.stats().requests();
        try (LlmClient client = new OpenAiJavaLlmClient(endpoint)) {
            catchThrowableOfType(RuntimeException.class, () -> client.chat(ChatRequest.builder().user("Hi").build()));
        }
        assertThat(server.stats().requests() - before).isEqualTo(1);
    }

    @Test
    void retriesAsTheEndpointSays(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(503, "model is loading", Duration.ZERO));
        long before = server.stats().requests();
        try (LlmClient client = new OpenAiJavaLlmClient(endpoint.toBuilder().maxRetries(2).build())) {
            assertThat(client.chat(ChatRequest.builder().user("Hi").build()).text()).isEqualTo("You said: Hi");
        }
        assertThat(server.stats().requests() - before).isEqualTo(2);
    }

    @Test
    void keepsLlamaServersTimingsAndUsageFromARecordedAnswer() {
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("04-chat-nonstream.txt");
                LlmClient client = new OpenAiJavaLlmClient(recorded.endpoint())) {
            ChatResponse response = client.chat(ChatRequest.builder().user("Say hello in five words.").build());

            assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
            assertThat(response.usage()).isEqualTo(new Usage(26, 16, 42));
            assertThat(response.id()).isEqualTo("chatcmpl-YxUbNrdD4UW28v7lJF9f1Dtyu6iHhrXD");
            assertThat(response.extensions().get("timings")).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) response.extensions().get("timings")).get("predicted_n")).isEqualTo(16);
        }
    }

    @Test
    void readsARecordedStreamWithUsageOnItsLastChunk() throws InterruptedException {
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("06-chat-stream-usage.txt");
                LlmClient client = new OpenAiJavaLlmClient(recorded.endpoint())) {
            ChatResponse response = client.stream(ChatRequest.builder().user("Say hello in five words.").build())
                    .collect();

            assertThat(response.text()).startsWith("lengthpering angst").endsWith(" References");
            assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
            assertThat(response.usage()).isEqualTo(new Usage(26, 16, 42));
            assertThat(((Map<?, ?>) response.extensions().get("timings")).get("predicted_n"))
                    .as("llama.cpp's timings, from the stream's last chunk").isEqualTo(16);
            assertThat(recorded.takeRequestBody()).contains("\"stream\":true")
                    .contains("\"stream_options\":{\"include_usage\":true}");
        }
    }

    @Test
    void mergesARecordedToolCallStreamedInNineFragments() {
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("35-forced-tool-call-stream.txt");
                LlmClient client = new OpenAiJavaLlmClient(recorded.endpoint())) {
            ChatResponse response = client.stream(ChatRequest.builder().user("What is the weather in Paris?").build())
                    .collect();

            // A random-weight model's arguments, merged exactly as sent (not valid JSON, kept as is).
            assertThat(response.toolCalls()).singleElement().satisfies(call -> {
                assertThat(call.id()).isEqualTo("Ioz0jALS01MAD0fiFhuurA3QzabPiS4G");
                assertThat(call.name()).isEqualTo("get_weather");
                assertThat(call.arguments()).isEqualTo("{\"city\"\n:\"<tool_call>\" }");
            });
            assertThat(response.text()).isEmpty();
            assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        }
    }

    @Test
    void readsOnlyTheFirstChoiceOfARecordedTwoChoiceStream() {
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("46-chat-stream-n2.txt");
                LlmClient client = new OpenAiJavaLlmClient(recorded.endpoint())) {
            List<ChatEvent> events = new ArrayList<>();
            ChatResponse response = client.stream(ChatRequest.builder().user("Say hello in five words.").build())
                    .collect(events::add);

            assertThat(response.text()).isEqualTo("lengthpering angst sincerity");
            assertThat(events).filteredOn(ChatEvent.Finish.class::isInstance)
                    .containsExactly(new ChatEvent.Finish(FinishReason.LENGTH));
        }
    }

    @Test
    void sendsMaxTokensAsMaxTokensAndExtensionsAsTopLevelFields() throws InterruptedException {
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("04-chat-nonstream.txt");
                LlmClient client = new OpenAiJavaLlmClient(recorded.endpoint())) {
            client.chat(ChatRequest.builder().user("Hi").maxTokens(16).extension("keep_alive", "5m")
                    .extension("options", Map.of("num_ctx", 8192)).build());

            assertThat(recorded.takeRequestBody()).contains("\"max_tokens\":16").doesNotContain("max_completion_tokens")
                    .contains("\"keep_alive\":\"5m\"").contains("\"options\":{\"num_ctx\":8192}");
        }
    }

    @Test
    void leavesTheModelOutWhenNoneIsConfigured() throws InterruptedException {
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("04-chat-nonstream.txt")) {
            Endpoint noModel = recorded.endpoint().toBuilder().chatModel(null).build();
            try (LlmClient client = new OpenAiJavaLlmClient(noModel)) {
                assertThat(client.chat(ChatRequest.builder().user("Hi").build()).text()).startsWith("lengthpering");
            }
            assertThat(recorded.takeRequestBody()).doesNotContain("\"model\"");
        }
    }

    @Test
    void anErrorFrameMidStreamKeepsTheServersCodeMessageAndTheTextSoFar() {
        String sse = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                + "data: {\"error\":{\"code\":503,\"message\":\"the model crashed\",\"type\":\"unavailable_error\"}}\n\n";
        try (RecordedServer canned = new RecordedServer().enqueue(200, "text/event-stream", sse);
                LlmClient client = new OpenAiJavaLlmClient(canned.endpoint())) {
            StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                    () -> client.stream(ChatRequest.builder().user("Hi").build()).collect());

            assertThat(e).as("exception").isNotNull();
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.providerMessage()).isEqualTo("the model crashed");
            assertThat(e.providerCode()).isEqualTo("unavailable_error");
            assertThat(e.partial().text()).isEqualTo("Hel");
        }
    }

    @Test
    void readsVllmsTopLevelErrorMessage() {
        String body = "{\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"code\":400}";
        try (RecordedServer canned = new RecordedServer().enqueue(400, "application/json", body);
                LlmClient client = new OpenAiJavaLlmClient(canned.endpoint())) {
            BadRequestException e = catchThrowableOfType(BadRequestException.class,
                    () -> client.chat(ChatRequest.builder().user("Hi").build()));

            assertThat(e.status()).isEqualTo(400);
            assertThat(e.providerMessage()).isEqualTo("max_tokens is too large");
            assertThat(e.providerCode()).isEqualTo("BadRequestError");
        }
    }

    @Test
    void readsOllamasPlainStringErrorEnvelope() {
        try (RecordedServer canned = new RecordedServer()
                .enqueue(404, "application/json", "{\"error\":\"model \\\"qwen9\\\" not found, try pulling it first\"}");
                LlmClient client = new OpenAiJavaLlmClient(canned.endpoint())) {
            ModelNotFoundException e = catchThrowableOfType(ModelNotFoundException.class,
                    () -> client.chat(ChatRequest.builder().user("Hi").build()));

            assertThat(e.providerMessage()).isEqualTo("model \"qwen9\" not found, try pulling it first");
        }
    }

    @Test
    void listsNoModelsForOllamasNullData() {
        try (RecordedServer canned = new RecordedServer().enqueue(200, "application/json", "{\"object\":\"list\",\"data\":null}");
                LlmClient client = new OpenAiJavaLlmClient(canned.endpoint())) {
            assertThat(client.models()).isEmpty();
        }
    }

    @Test
    void closingFromAnotherThreadUnblocksTheReaderAndTheServerSeesIt(Endpoint endpoint, SwitchboardServer server)
            throws Exception {
        server.faults().forNextRequest(new Fault.StallMidStream(2, Duration.ofSeconds(30)));
        long cancelledBefore = server.stats().cancelledStreams();
        try (LlmClient client = new OpenAiJavaLlmClient(endpoint)) {
            ChatStream stream = client.stream(ChatRequest.builder().user("one two three four").build());
            Iterator<ChatEvent> events = stream.iterator();
            assertThat(events.next()).isEqualTo(new ChatEvent.TextDelta("You "));
            assertThat(events.next()).isEqualTo(new ChatEvent.TextDelta("said: "));
            CountDownLatch reading = new CountDownLatch(1);
            CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(() -> {
                reading.countDown();
                return events.hasNext(); // blocks in the server's stall
            });
            assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300); // into the blocking read

            stream.close();

            assertThat(reader.get(5, TimeUnit.SECONDS)).as("the blocked reader ends quietly").isFalse();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.stats().cancelledStreams() == cancelledBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.stats().cancelledStreams()).isEqualTo(cancelledBefore + 1);
        assertThat(server.stats().openStreams()).isZero();
    }

    @Test
    void eachOpenStreamWatchesItsOwnEndMarkerWhicheverThreadReadsIt(Endpoint endpoint, SwitchboardServer server)
            throws Exception {
        try (LlmClient client = new OpenAiJavaLlmClient(endpoint)) {
            ChatStream complete = client.stream(ChatRequest.builder().user("first stream").build());
            server.faults().forNextRequest(new Fault.NoDoneMarker());
            ChatStream cut = client.stream(ChatRequest.builder().user("second stream").build());

            StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class, cut::collect);
            ChatResponse first = CompletableFuture.supplyAsync(complete::collect).get(10, TimeUnit.SECONDS);

            assertThat(e).as("the stream without [DONE]").isNotNull();
            assertThat(e.partial().text()).isEqualTo("You said: second stream");
            assertThat(first.text()).isEqualTo("You said: first stream");
        }
    }

    @Test
    void aTranscriptMissingFromTheClassPathFailsNamingIt() {
        try (RecordedServer recorded = new RecordedServer()) {
            assertThat(catchThrowableOfType(AssertionError.class, () -> recorded.enqueueTranscript("99-no-such.txt")))
                    .hasMessageContaining("/transcripts/99-no-such.txt");
        }
    }
}
