package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.server.engine.ScriptedEngine;

/**
 * {@code POST /audio/chat/completions}: OpenAI's audio-output chunks ({@code delta.audio} with
 * {@code id} and {@code transcript}, then base64 PCM {@code data}, then {@code expires_at}), from
 * files or generated, reassembling to the exact PCM; bad input; a client that leaves.
 */
class AudioRouteTest {

    private static final String BODY = "{\"model\":\"scripted\",\"modalities\":[\"text\",\"audio\"],"
            + "\"audio\":{\"voice\":\"alloy\",\"format\":\"pcm16\"},\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";

    private static JsonNode audio(JsonNode chunk) {
        return chunk.path("choices").path(0).path("delta").path("audio");
    }

    private static byte[] pcm(List<JsonNode> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode c : chunks) {
            if (audio(c).has("data")) {
                out.writeBytes(Base64.getDecoder().decode(audio(c).path("data").asText()));
            }
        }
        return out.toByteArray();
    }

    /** A 16-bit PCM WAV file: 44-byte header, then the samples. */
    static byte[] wav(int rate, int channels, short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples.length * 2);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    @Test
    void theGeneratedReplyIsLabelledSimulatedAndReassemblesToItsPcm() {
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .audio(AudioOptions.defaults().withChunkDelay(Duration.ofMillis(1))).start()) {
            HttpResponse<String> response = Http.post(server, "/audio/chat/completions", BODY);
            List<JsonNode> chunks = Http.sseChunks(response.body());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Switchboard-Audio")).hasValue("simulated");
            assertThat(audio(chunks.get(0)).path("id").asText()).startsWith("audio_");
            assertThat(audio(chunks.get(0)).path("transcript").asText()).startsWith("[simulated]");
            assertThat(chunks.get(0).path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(pcm(chunks)).hasSize(22_800 * 2);
            assertThat(chunks.stream().filter(c -> audio(c).has("data")).count()).isEqualTo(5); // 45,600 / 9,600
            assertThat(audio(chunks.get(chunks.size() - 2)).has("expires_at")).isTrue();
            assertThat(chunks.get(chunks.size() - 1).path("choices").path(0).path("finish_reason").asText())
                    .isEqualTo("stop");
            assertThat(Http.sseData(response.body())).last().isEqualTo("[DONE]");
        }
    }

    @Test
    void filesInTheDirectoryAreStreamedExactly(@TempDir Path dir) throws IOException {
        short[] samples = new short[1001];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i * 31 - 15_000);
        }
        Files.write(dir.resolve("audio.wav"), wav(24_000, 1, samples));
        Files.writeString(dir.resolve("transcript.txt"), "Hello from a file.\n");
        byte[] expected = new byte[samples.length * 2];
        ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(samples);

        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .audio(AudioOptions.fromDirectory(dir).withChunkDelay(Duration.ZERO).withChunkBytes(300)).start()) {
            HttpResponse<String> response = Http.post(server, "/audio/chat/completions", BODY);
            List<JsonNode> chunks = Http.sseChunks(response.body());

            assertThat(response.headers().firstValue("X-Switchboard-Audio")).hasValue("file");
            assertThat(audio(chunks.get(0)).path("transcript").asText()).isEqualTo("Hello from a file.");
            assertThat(pcm(chunks)).isEqualTo(expected);
            assertThat(chunks.stream().filter(c -> audio(c).has("data")).count()).isEqualTo(7); // 2,002 / 300
        }
    }

    @Test
    void aDirectoryWithoutBothFilesServesTheSimulatedReply(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("transcript.txt"), "no wav beside me");

        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .audio(AudioOptions.fromDirectory(dir).withChunkDelay(Duration.ZERO)).start()) {
            HttpResponse<String> response = Http.post(server, "/audio/chat/completions", BODY);

            assertThat(response.headers().firstValue("X-Switchboard-Audio")).hasValue("simulated");
        }
    }

    @Test
    void aStereoWavStopsTheStart(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("audio.wav"), wav(24_000, 2, new short[8]));
        Files.writeString(dir.resolve("transcript.txt"), "stereo");

        assertThatThrownBy(() -> SwitchboardServer.builder().engine(new ScriptedEngine())
                .audio(AudioOptions.fromDirectory(dir)).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16-bit PCM mono");
    }

    @Test
    void aWavAtAnotherRateStopsTheStart(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("audio.wav"), wav(16_000, 1, new short[8]));
        Files.writeString(dir.resolve("transcript.txt"), "16 kHz");

        assertThatThrownBy(() -> SwitchboardServer.builder().engine(new ScriptedEngine())
                .audio(AudioOptions.fromDirectory(dir)).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24000 Hz");
    }

    @Test
    void aBadBodyIs400InTheV1Envelope() {
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
            HttpResponse<String> response = Http.post(server, "/audio/chat/completions", "{\"messages\":42}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Http.json(response.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        }
    }

    @Test
    void aClientThatLeavesEndsTheStreamOnTheServer() throws Exception {
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .audio(AudioOptions.defaults().withChunkDelay(Duration.ofMillis(500))).start()) {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.rootUrl() + "/audio/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                assertThat(body.read()).isEqualTo('d'); // "data: " of the first chunk
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.stats().openStreams() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(server.stats().openStreams()).isZero();
            assertThat(server.stats().cancelledStreams()).isEqualTo(1);
        }
    }
}
