package dev.switchboard.core.wire;

import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;

/**
 * Separates {@code <think>…</think>} from streamed {@code content}, incrementally: text inside the
 * tags becomes {@link ChatEvent.ReasoningDelta}, text outside {@link ChatEvent.TextDelta}. A tag
 * split across chunks ({@code "<thi"} + {@code "nk>"}) is recognised: a possible tag prefix at the
 * end of a piece is held back until the next piece or {@link #flush}. Leading whitespace after
 * {@code </think>} is dropped, as reasoning models emit a blank line there. Not thread-safe.
 */
public final class ThinkTagSplitter {

    /** A splitter outside any tag. */
    public ThinkTagSplitter() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Feeds the next piece of content; emits what can be decided now. */
    public void feed(String content, Consumer<ChatEvent> out) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Emits anything held back (a partial tag that never completed is text). Call at the end. */
    public void flush(Consumer<ChatEvent> out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
