package dev.switchboard.examples.rawhttp;

import java.io.*;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.sound.sampled.*;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;
import okio.BufferedSource;

/**
 * A spoken answer in OpenAI's audio-output stream shape, from Switchboard's server:
 * {@code POST {root}/audio/chat/completions} streams {@code delta.audio} with {@code id} and
 * {@code transcript}, then base64 pieces of 16-bit little-endian mono PCM at 24 kHz in {@code data}.
 * The pieces are joined and written as a playable {@code .wav} with the JDK's {@code javax.sound}.
 */
public final class AudioChat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();
    /** OpenAI's {@code pcm16}: 24,000 samples a second, 16 bits, mono, signed, little-endian. */
    public static final AudioFormat PCM16 = new AudioFormat(24_000, 16, 1, true, false);

    /** Writes the answer of {@code LLM_BASE_URL} (default the standalone server) to {@code reply.wav}. */
    public static void main(String[] args) throws IOException {
        String baseUrl = System.getenv().getOrDefault("LLM_BASE_URL", "http://localhost:8080/v1");
        String model = System.getenv().getOrDefault("LLM_MODEL", "switchboard-demo");
        String transcript = run(baseUrl, "no-key-required", model, "Say hello!", Path.of("reply.wav"));
        System.out.println("transcript: " + transcript + "\nwritten: reply.wav");
    }

    /**
     * Asks {@code prompt} for a spoken answer and writes its audio to {@code wavFile}.
     * @return the transcript
     * @throws IOException for a non-2xx status, an error event, a stream without {@code data: [DONE]},
     *                     or a file that cannot be written
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt, Path wavFile)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", true)
                .put("max_tokens", 512); // bounds the answer: a model that does not stop cannot fill the context
        body.putArray("modalities").add("text").add("audio");
        body.putObject("audio").put("voice", "alloy").put("format", "pcm16");
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        Request request = new Request.Builder().url(baseUrl.replaceFirst("/v1/?$", "") + "/audio/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json")))
                .build();
        try (Response response = HTTP.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": "
                        + response.body().string());
            }
            BufferedSource source = response.body().source();
            StringBuilder transcript = new StringBuilder();
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring("data:".length()).trim();
                if (data.equals("[DONE]")) {
                    byte[] bytes = pcm.toByteArray();
                    AudioInputStream audio = new AudioInputStream(new ByteArrayInputStream(bytes), PCM16, bytes.length / 2);
                    AudioSystem.write(audio, AudioFileFormat.Type.WAVE, wavFile.toFile());
                    return transcript.toString();
                }
                JsonNode chunk = MAPPER.readTree(data);
                if (chunk.has("error")) {
                    throw new IOException("error event in the stream: " + data);
                }
                JsonNode audio = chunk.path("choices").path(0).path("delta").path("audio");
                transcript.append(audio.path("transcript").asText(""));
                if (audio.has("data")) {
                    pcm.writeBytes(Base64.getDecoder().decode(audio.path("data").asText()));
                }
            }
            throw new IOException("the stream ended without data: [DONE]");
        }
    }
}
