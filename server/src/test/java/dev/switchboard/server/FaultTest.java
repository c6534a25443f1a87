package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;

/** Every injected fault, on both wires, as a client sees it on the socket. */
@Timeout(30)
class FaultTest {

    private static final String V1 = "/v1/chat/completions";
    private static final String FIVE_WORDS = "\"messages\":[{\"role\":\"user\",\"content\":\"one two three\"}]";
    private static final String STREAM_V1 = "{\"model\":\"scripted\",\"stream\":true," + FIVE_WORDS + "}";
    private static final String STREAM_API = "{\"model\":\"scripted\"," + FIVE_WORDS + "}";

    private static SwitchboardServer server;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.start(new ScriptedEngine());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void clearFaults() {
        server.faults().clear();
    }

    @Test
    void aStatusFaultAnswersThatStatusWithRetryAfterOnV1() {
        server.faults().forNextRequest(new Fault.Status(429, "slow down", Duration.ofMillis(1500)));

        HttpResponse<String> response = Http.post(server, V1, STREAM_V1);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        JsonNode error = Http.json(response.body()).path("error");
        assertThat(error.path("message").asText()).isEqualTo("slow down");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asInt()).isEqualTo(429);
    }

    @Test
    void aStatusFaultUsesOllamasEnvelopeOnApi() {
        server.faults().forModel("busy", new Fault.Status(503, "model is overloaded", null));

        HttpResponse<String> response = Http.post(server, "/api/chat", "{\"model\":\"busy\"," + FIVE_WORDS + "}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(Http.json(response.body())).isEqualTo(Http.json("{\"error\":\"model is overloaded\"}"));
    }

    @Test
    void aStatusFaultAlsoActsOnEmbeddings() {
        server.faults().forModel("locked-embed", new Fault.Status(401, "invalid api key", null));

        HttpResponse<String> v1 = Http.post(server, "/v1/embeddings", "{\"model\":\"locked-embed\",\"input\":\"x\"}");
        HttpResponse<String> api = Http.post(server, "/api/embed", "{\"model\":\"locked-embed\",\"input\":\"x\"}");

        assertThat(v1.statusCode()).isEqualTo(401);
        assertThat(Http.json(v1.body()).path("error").path("type").asText()).isEqualTo("authentication_error");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(Http.json(api.body()).path("error").asText()).isEqualTo("invalid api key");
    }

    @Test
    void aNextRequestFaultFiresOnceAndClearRemovesModelFaults() {
        server.faults().forNextRequest(new Fault.Status(500, "boom", null));
        server.faults().forModel("flaky", new Fault.Status(500, "flaky", null));

        assertThat(Http.post(server, V1, STREAM_V1).statusCode()).isEqualTo(500);
        assertThat(Http.post(server, V1, STREAM_V1).statusCode()).isEqualTo(200);
        server.faults().clear();
        assertThat(Http.post(server, V1, "{\"model\":\"flaky\"," + FIVE_WORDS + "}").statusCode()).isEqualTo(404);
    }

    @Test
    void aFaultModelIsServedLikeTheDefaultModelAndEchoed() {
        server.faults().forModel("lagging", new Fault.StallBeforeFirstByte(Duration.ofMillis(1)));

        JsonNode body = Http.json(Http.post(server, V1, "{\"model\":\"lagging\"," + FIVE_WORDS + "}").body());

        assertThat(body.path("model").asText()).isEqualTo("lagging");
        assertThat(body.path("choices").get(0).path("message").path("content").asText()).isEqualTo("You said: one two three");
    }

    @Test
    void aMalformedChunkComesAfterTheGoodOnesAndTheStreamGoesOn() {
        server.faults().forNextRequest(new Fault.MalformedChunk(2));

        List<String> data = Http.sseData(Http.post(server, V1, STREAM_V1).body());

        assertThat(data.get(3)).isEqualTo("{not json"); // role chunk, 2 chunks, then the bad one
        assertThat(data).hasSize(1 + 5 + 1 + 1 + 1); // role, 5 words, bad, finish, [DONE]
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        data.subList(4, data.size() - 1).forEach(Http::json);
    }

    @Test
    void aMalformedLineComesAfterTheGoodOnesNatively() {
        server.faults().forNextRequest(new Fault.MalformedChunk(1));

        String[] lines = Http.post(server, "/api/chat", STREAM_API).body().split("\n");

        assertThat(lines[1]).isEqualTo("{not json");
        assertThat(Http.json(lines[lines.length - 1]).path("done").asBoolean()).isTrue();
    }

    @Test
    void aMalformedFaultOnANonStreamingRequestAnswersABodyThatIsNotJson() {
        server.faults().forNextRequest(new Fault.MalformedChunk(0));

        HttpResponse<String> response = Http.post(server, V1, "{" + FIVE_WORDS + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{not json");
    }

    @Test
    void droppingTheConnectionCutsTheBodyWithoutTheLastChunk() throws IOException {
        server.faults().forNextRequest(new Fault.DropConnection(2));

        try (RawHttp http = RawHttp.post(server, V1, STREAM_V1)) {
            assertThat(http.head()).startsWith("HTTP/1.1 200");
            List<String> got = new ArrayList<>();
            got.add(new String(http.chunk(), StandardCharsets.UTF_8));
            got.add(new String(http.chunk(), StandardCharsets.UTF_8));
            got.add(new String(http.chunk(), StandardCharsets.UTF_8));
            assertThatThrownBy(http::chunk).isInstanceOf(EOFException.class);
            assertThat(got).noneMatch(c -> c.contains("[DONE]"));
        }
    }

    @Test
    void droppingTheConnectionNativelyCutsBeforeTheDoneLine() throws IOException {
        server.faults().forNextRequest(new Fault.DropConnection(1));

        try (RawHttp http = RawHttp.post(server, "/api/chat", STREAM_API)) {
            http.head();
            assertThat(Http.json(new String(http.chunk(), StandardCharsets.UTF_8)).path("done").asBoolean()).isFalse();
            assertThatThrownBy(http::chunk).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aDropDueAfterMoreChunksThanTheAnswerHasStillHappensBeforeTheEnd() {
        server.faults().forNextRequest(new Fault.DropConnection(1_000));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.rootUrl() + V1)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(STREAM_V1)).build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void aNonStreamingDropClosesTheConnectionWithoutAnAnswer() throws IOException {
        server.faults().forNextRequest(new Fault.DropConnection(0));

        try (RawHttp http = RawHttp.post(server, V1, "{" + FIVE_WORDS + "}")) {
            assertThatThrownBy(http::head).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aStallBeforeTheFirstByteHoldsBackTheHeaders() throws IOException {
        server.faults().forNextRequest(new Fault.StallBeforeFirstByte(Duration.ofMillis(800)));

        try (RawHttp http = RawHttp.post(server, V1, STREAM_V1)) {
            http.readTimeout(150);
            assertThatThrownBy(http::head).isInstanceOf(SocketTimeoutException.class);
            http.readTimeout(10_000);
            assertThat(http.head()).startsWith("HTTP/1.1 200");
            assertThat(readToEnd(http)).endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void aStallMidStreamPausesAfterTheGivenChunksThenGoesOn() throws IOException {
        // 2 s: the reader must reach its 150 ms read within the stall even when a loaded machine pauses it
        server.faults().forNextRequest(new Fault.StallMidStream(2, Duration.ofMillis(2_000)));

        try (RawHttp http = RawHttp.post(server, V1, STREAM_V1)) {
            http.head();
            http.chunk(); // role
            http.chunk();
            http.chunk();
            http.readTimeout(150);
            assertThatThrownBy(http::chunk).isInstanceOf(SocketTimeoutException.class);
            http.readTimeout(10_000);
            assertThat(readToEnd(http)).contains("\"one \"", "\"three\"").doesNotContain("said: ").endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void noDoneMarkerEndsTheBodyCleanlyWithoutIt() {
        server.faults().forNextRequest(new Fault.NoDoneMarker());
        String v1 = Http.post(server, V1, STREAM_V1).body();
        server.faults().forNextRequest(new Fault.NoDoneMarker());
        List<JsonNode> api = Http.ndjson(Http.post(server, "/api/chat", STREAM_API).body());

        assertThat(v1).doesNotContain("[DONE]").contains("\"finish_reason\":\"stop\"");
        assertThat(api).hasSize(5).noneMatch(l -> l.path("done").asBoolean());
    }

    @Test
    void splitWritesSendEveryFrameInPiecesSplittingCharacters() throws IOException {
        server.faults().forNextRequest(new Fault.SplitWrites(3));

        try (RawHttp http = RawHttp.post(server, "/api/chat",
                "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"unicode\"}]}")) {
            http.head();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean splitCharacter = false;
            for (byte[] chunk = http.chunk(); chunk != null; chunk = http.chunk()) {
                assertThat(chunk.length).isLessThanOrEqualTo(3);
                splitCharacter |= !isWholeUtf8(chunk);
                body.write(chunk);
            }
            assertThat(splitCharacter).as("some write ends inside a multi-byte character").isTrue();
            String raw = body.toString(StandardCharsets.UTF_8);
            assertThat(raw).as("😊 travels as its 4 UTF-8 bytes, so 3-byte writes must split it").contains("😊")
                    .doesNotContain("\\uD83D");
            StringBuilder text = new StringBuilder();
            Http.ndjson(raw).forEach(l -> text.append(l.path("message").path("content").asText()));
            assertThat(text.toString()).isEqualTo("你好 😊 Unicode works.");
        }
    }

    @Test
    void splitWritesKeepTheV1StreamIntact() {
        server.faults().forNextRequest(new Fault.SplitWrites(1));

        List<JsonNode> chunks = Http.sseChunks(Http.post(server, V1, "{\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"unicode\"}]}").body());

        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text.toString()).isEqualTo("你好 😊 Unicode works.");
    }

    private static boolean isWholeUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String readToEnd(RawHttp http) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk = http.chunk(); chunk != null; chunk = http.chunk()) {
            out.write(chunk);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
