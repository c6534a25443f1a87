package dev.switchboard.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stream every decode benchmark reads: {@value #CHUNKS} {@code chat.completion.chunk} events
 * shaped like llama-server's (field order and {@code system_fingerprint} as in
 * {@code core/src/test/resources/reference/llama-server-transcripts/05-chat-stream.txt}), one word
 * of content each, then a finish chunk and {@code data: [DONE]}.
 */
public final class SseFixture {

    /** Content chunks in the stream. */
    public static final int CHUNKS = 20_000;

    private static final String[] WORDS = {" the", " quick", " brown", " fox", " jumps", " over", " lazy", " dog",
        " 你好", " 😊", " stream", " token"};

    private SseFixture() {
    }

    /** The SSE body: {@link #CHUNKS} content chunks, a finish chunk, {@code [DONE]}. */
    public static byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNKS * 260);
        String prefix = "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"";
        String suffix = "\"}}],\"created\":1795438004,\"id\":\"chatcmpl-TUMx9tW6oGWLsoEcBuJm1wb6LLZiDsJd\","
                + "\"model\":\"bench.gguf\",\"system_fingerprint\":\"b10587-3f545becc\","
                + "\"object\":\"chat.completion.chunk\"}\n\n";
        for (int i = 0; i < CHUNKS; i++) {
            out.writeBytes((prefix + WORDS[i % WORDS.length] + suffix).getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("data: {\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"delta\":{}}],"
                + "\"created\":1795438004,\"id\":\"chatcmpl-TUMx9tW6oGWLsoEcBuJm1wb6LLZiDsJd\","
                + "\"model\":\"bench.gguf\",\"system_fingerprint\":\"b10587-3f545becc\","
                + "\"object\":\"chat.completion.chunk\"}\n\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
