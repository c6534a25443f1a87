package dev.switchboard.core.wire;

import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.PartialResponse;

/**
 * Turns the NDJSON lines of Ollama's native {@code /api/chat} or {@code /api/generate} stream into
 * {@link ChatEvent}s. {@code thinking} becomes reasoning, as do {@code <think>} tags in content;
 * tool calls arrive complete; the last line ({@code done: true}) gives usage and the finish reason
 * ({@link dev.switchboard.core.FinishReason#TOOL_CALLS} when the turn called tools, since Ollama
 * says {@code stop} then). A line {@code {"error":"..."}} mid-stream is reported as a
 * {@link dev.switchboard.core.error.StreamInterruptedException} carrying the server's message.
 * Stateful, one per stream, not thread-safe.
 */
public final class OllamaStreamDecoder {

    /** A decoder at the start of a stream. */
    public OllamaStreamDecoder() {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Decodes one line ({@code buf[off, off+len)}), passing 0 or more events to {@code out}.
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if it is not a line's shape
     */
    public void decode(byte[] buf, int off, int len, Consumer<ChatEvent> out) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Whether the {@code done: true} line arrived: only then did the stream end well. */
    public boolean isDone() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Everything decoded so far, for an interrupted stream. */
    public PartialResponse partial() {
        throw new UnsupportedOperationException("not yet written");
    }
}
