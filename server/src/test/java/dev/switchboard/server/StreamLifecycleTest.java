package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.ScriptedEngine;

/** Streams from start to end: completion, cancellation, back-pressure, engine failures, closing. */
@Timeout(60)
class StreamLifecycleTest {

    private static final String LONG = "{\"model\":\"scripted\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"a b c d e f g h i j k l m n o p q r s t u v w x y z\"}]}";

    @Test
    void aStreamWrittenToItsEndCountsAsCompleted() {
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
            Http.post(server, "/v1/chat/completions", LONG);
            Http.post(server, "/api/chat", LONG);
            Http.post(server, "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"not streamed\"}]}");

            assertThat(server.stats()).isEqualTo(new ServerStats(3, 0, 2, 0));
        }
    }

    @Test
    void closingTheConnectionMidStreamCancelsTheEngineCall() throws IOException {
        TestEngines.CountingCancels engine = new TestEngines.CountingCancels(new ScriptedEngine(1, Duration.ofMillis(30)));
        try (SwitchboardServer server = SwitchboardServer.start(engine)) {
            try (RawHttp http = RawHttp.post(server, "/v1/chat/completions", LONG)) {
                http.head();
                http.chunk();
                http.chunk();
                assertThat(server.stats().openStreams()).isEqualTo(1);
            }

            awaitTrue(() -> server.stats().cancelledStreams() == 1);
            assertThat(server.stats().openStreams()).isZero();
            assertThat(server.stats().completedStreams()).isZero();
            assertThat(engine.cancels.get()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void closingTheConnectionDuringAStallBeforeTheFirstByteNeverStartsTheEngine() throws IOException {
        TestEngines.CountingCancels engine = new TestEngines.CountingCancels(new ScriptedEngine());
        try (SwitchboardServer server = SwitchboardServer.start(engine)) {
            server.faults().forNextRequest(new dev.switchboard.server.fault.Fault.StallBeforeFirstByte(Duration.ofMillis(300)));
            RawHttp.post(server, "/api/chat", LONG).close();

            sleep(600); // past the stall: had the exchange survived, it would have called the engine by now
            assertThat(engine.calls.get()).isZero();
            assertThat(server.stats()).isEqualTo(new ServerStats(1, 0, 0, 0));
        }
    }

    @Test
    void aSlowReaderPausesTheEngineAndGetsEverythingWhenItReads() throws IOException {
        AtomicReference<TestEngines.Flood> flood = new AtomicReference<>();
        try (SwitchboardServer server = SwitchboardServer.start(TestEngines.chatting((request, sink) -> {
            TestEngines.Flood call = new TestEngines.Flood(20_000, sink);
            flood.set(call);
            Thread producer = new Thread(call, "flood");
            producer.setDaemon(true);
            producer.start();
            return call;
        }))) {
            try (RawHttp http = RawHttp.post(server, "/v1/chat/completions", "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}")) {
                awaitTrue(() -> flood.get() != null && flood.get().pauses.get() > 0);

                http.head();
                long bytes = 0;
                String last = "";
                for (byte[] chunk = http.chunk(); chunk != null; chunk = http.chunk()) {
                    bytes += chunk.length;
                    last = new String(chunk, StandardCharsets.UTF_8);
                }
                assertThat(bytes).isGreaterThan(20_000L * 1024);
                assertThat(last).endsWith("data: [DONE]\n\n"); // frames written together share an HTTP chunk
                assertThat(flood.get().resumes.get()).isGreaterThan(0);
            }
            awaitTrue(() -> server.stats().completedStreams() == 1);
        }
    }

    @Test
    void eventsHandedOverTogetherAreWrittenTogether() throws IOException {
        // 200 events and the end handed over before the event loop takes any: a task and a flush per
        // event would send 200 HTTP chunks or more; taken together they go out in a few writes
        try (SwitchboardServer server = SwitchboardServer.start(TestEngines.chatting((request, sink) -> {
            for (int i = 0; i < 200; i++) {
                sink.onEvent(new dev.switchboard.core.ChatEvent.TextDelta("w" + i + " "));
            }
            sink.onComplete();
            return () -> { };
        }))) {
            try (RawHttp http = RawHttp.post(server, "/v1/chat/completions", "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}")) {
                http.head();
                int chunks = 0;
                StringBuilder body = new StringBuilder();
                for (byte[] chunk = http.chunk(); chunk != null; chunk = http.chunk()) {
                    chunks++;
                    body.append(new String(chunk, StandardCharsets.UTF_8));
                }
                assertThat(body.toString()).contains("\"w0 \"").contains("\"w199 \"").endsWith("data: [DONE]\n\n");
                assertThat(body.toString().split("\n\n")).hasSize(203); // role chunk, 200 deltas, finish, [DONE]
                assertThat(chunks).as("HTTP chunks for 203 frames").isLessThanOrEqualTo(5);
            }
        }
    }

    @Test
    void anEngineThatThrowsGets500InTheEnvelopeAndTheServerGoesOn() {
        try (SwitchboardServer server = SwitchboardServer.start(TestEngines.chatting((request, sink) -> {
            throw new IllegalStateException("bug in the engine");
        }))) {
            HttpResponse<String> v1 = Http.post(server, "/v1/chat/completions", LONG);
            HttpResponse<String> api = Http.post(server, "/api/chat", LONG);

            assertThat(v1.statusCode()).isEqualTo(500);
            assertThat(Http.json(v1.body()).path("error").path("type").asText()).isEqualTo("server_error");
            assertThat(api.statusCode()).isEqualTo(500);
            assertThat(Http.json(api.body()).path("error").asText()).contains("bug in the engine");
            assertThat(Http.post(server, "/v1/embeddings", "{\"input\":\"x\"}").statusCode()).isEqualTo(500);
            assertThat(Http.get(server, "/health").statusCode()).isEqualTo(200);
            assertThat(server.stats().openStreams()).isZero();
        }
    }

    @Test
    void anEngineFailureMidStreamKeepsItsStatusInTheErrorFrame() {
        try (SwitchboardServer server = SwitchboardServer.start(TestEngines.chatting((request, sink) -> {
            sink.onEvent(new dev.switchboard.core.ChatEvent.TextDelta("partial "));
            sink.onError(new EngineException(503, "engine overloaded"));
            return () -> { };
        }))) {
            List<String> data = Http.sseData(Http.post(server, "/v1/chat/completions",
                    "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}").body());

            JsonNode error = Http.json(data.get(data.size() - 1)).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(503);
            assertThat(error.path("message").asText()).isEqualTo("engine overloaded");
        }
    }

    @Test
    void anEngineRefusalBeforeAnyOutputKeepsItsStatusEvenWhenStreaming() {
        try (SwitchboardServer server = SwitchboardServer.start(TestEngines.chatting((request, sink) -> {
            sink.onError(new EngineException(503, "server busy"));
            return () -> { };
        }))) {
            HttpResponse<String> response = Http.post(server, "/v1/chat/completions", LONG);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(Http.json(response.body()).path("error").path("message").asText()).isEqualTo("server busy");
        }
    }

    @Test
    void anEngineFailureMidStreamIsAnErrorFrameWithoutTheEndMarker() {
        try (SwitchboardServer server = SwitchboardServer.start(TestEngines.chatting((request, sink) -> {
            sink.onEvent(new ChatEvent.TextDelta("Hello "));
            sink.onError(new IllegalStateException("out of memory"));
            return () -> { };
        }))) {
            String v1 = Http.post(server, "/v1/chat/completions", LONG).body();
            String api = Http.post(server, "/api/chat", LONG).body();

            java.util.List<String> data = Http.sseData(v1);
            assertThat(data).doesNotContain("[DONE]");
            JsonNode error = Http.json(data.get(data.size() - 1));
            assertThat(error.path("error").path("message").asText()).isEqualTo("out of memory");
            java.util.List<JsonNode> lines = Http.ndjson(api);
            assertThat(lines.get(0).path("message").path("content").asText()).isEqualTo("Hello ");
            assertThat(lines.get(lines.size() - 1)).isEqualTo(Http.json("{\"error\":\"out of memory\"}"));
            assertThat(server.stats().openStreams()).isZero();
            assertThat(server.stats().completedStreams()).isZero();
        }
    }

    @Test
    void closingTheServerEndsOpenStreamsAndFreesThePort() throws IOException {
        SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine(1, Duration.ofSeconds(1)));
        int port = server.port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] body = LONG.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            awaitTrue(() -> server.stats().openStreams() == 1);

            server.close();
            server.close(); // idempotent

            InputStream in = socket.getInputStream();
            byte[] rest = in.readAllBytes(); // returns at all only because the server closed the connection
            assertThat(new String(rest, StandardCharsets.UTF_8)).doesNotContain("[DONE]");
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("vert.x-eventloop")));
    }

    @Test
    void aBuilderNeedsAnEngineAndAFreePort() throws IOException {
        assertThatThrownBy(() -> SwitchboardServer.builder().start()).isInstanceOf(IllegalStateException.class);
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SwitchboardServer.builder().engine(new ScriptedEngine()).port(taken.getLocalPort()).start())
                    .isInstanceOf(java.io.UncheckedIOException.class);
        }
    }

    @Test
    void aGivenPortIsUsedAndTheUrlsNameIt() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine()).port(free).eventLoops(1).start()) {
            assertThat(server.port()).isEqualTo(free);
            assertThat(server.rootUrl()).isEqualTo("http://127.0.0.1:" + free);
            assertThat(server.openAiBaseUrl()).isEqualTo("http://127.0.0.1:" + free + "/v1");
            assertThat(Http.get(server, "/health").statusCode()).isEqualTo(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls {@code condition} every 10 ms for at most 10 s. */
    static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
