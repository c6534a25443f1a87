package dev.switchboard.core.wire;

import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.PartialResponse;

/**
 * Turns the data payloads of a {@code /v1} SSE stream into {@link ChatEvent}s: the one decoder all
 * byte-level clients share. Stateful, one per stream, not thread-safe.
 *
 * <p>What it handles, each recorded in {@code shared/reference/}: reasoning as
 * {@code reasoning_content}, {@code reasoning} or {@code <think>…</think>} inside {@code content}
 * (tags split across chunks included, via {@link ThinkTagSplitter}); tool-call fragments merged by
 * {@code index} and emitted complete; {@code finish_reason} on its own chunk or on the last content
 * chunk; usage on the last chunk or an extra one with empty {@code choices}; {@code [DONE]}.
 */
public final class OpenAiStreamDecoder {

    /** A decoder at the start of a stream. */
    public OpenAiStreamDecoder() {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Decodes one SSE data payload ({@code buf[off, off+len)}), which may be {@code [DONE]}, passing
     * 0 or more events to {@code out}.
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if it is not a chunk; the
     *         decoder's state is unchanged, so {@link #partial()} still holds what arrived
     */
    public void decode(byte[] buf, int off, int len, Consumer<ChatEvent> out) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Whether {@code [DONE]} arrived: only then did the stream end well. */
    public boolean isDone() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Everything decoded so far, including tool calls not yet complete, for an interrupted stream. */
    public PartialResponse partial() {
        throw new UnsupportedOperationException("not yet written");
    }
}
