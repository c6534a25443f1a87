package dev.switchboard.core.wire;

import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;

/**
 * Separates {@code <think>…</think>} from streamed {@code content}, incrementally: text inside the
 * tags becomes {@link ChatEvent.ReasoningDelta}, text outside {@link ChatEvent.TextDelta}. A tag
 * split across chunks ({@code "<thi"} + {@code "nk>"}) is recognised: a possible tag prefix at the
 * end of a piece is held back until the next piece or {@link #flush}. Leading whitespace after
 * {@code </think>} is dropped, as reasoning models emit a blank line there. Not thread-safe.
 *
 * <p>This is the third of the three reasoning shapes servers use: reasoning models served raw
 * (e.g. a GGUF of Qwen3 or DeepSeek-R1 behind a server without a reasoning parser) write their
 * thoughts into {@code content} between these tags. Tags are recognised anywhere in the content,
 * any number of times; text before {@code <think>} is text. A {@code <} that does not start a tag
 * is text, delivered as soon as it is clear it is not a tag. No event is ever empty.
 */
public final class ThinkTagSplitter {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private boolean inThink;
    private boolean dropLeadingWhitespace;
    private String held = "";

    /** A splitter outside any tag. */
    public ThinkTagSplitter() {
    }

    /**
     * Feeds the next piece of content; emits what can be decided now.
     *
     * @param content the next {@code content} piece; null or empty emits nothing
     * @param out     receives 0 or more events, in order
     */
    public void feed(String content, Consumer<ChatEvent> out) {
        if (content == null || content.isEmpty()) {
            return;
        }
        String s;
        if (held.isEmpty()) {
            if (!inThink && !dropLeadingWhitespace && content.indexOf('<') < 0) {
                out.accept(new ChatEvent.TextDelta(content)); // the fast path: plain text
                return;
            }
            s = content;
        } else {
            s = held.concat(content);
            held = "";
        }
        int i = 0;
        int len = s.length();
        while (i < len) {
            String tag = inThink ? CLOSE : OPEN;
            int at = s.indexOf(tag, i);
            if (at >= 0) {
                emit(s, i, at, out);
                i = at + tag.length();
                inThink = !inThink;
                dropLeadingWhitespace = !inThink;
                continue;
            }
            int keep = partialTagAtEnd(s, i, tag);
            emit(s, i, len - keep, out);
            if (keep > 0) {
                held = s.substring(len - keep);
            }
            return;
        }
    }

    /**
     * Emits anything held back (a partial tag that never completed is text, or reasoning when inside
     * {@code <think>}). Call at the end of the stream; the splitter may be fed again afterwards.
     */
    public void flush(Consumer<ChatEvent> out) {
        if (!held.isEmpty()) {
            String s = held;
            held = "";
            emit(s, 0, s.length(), out);
        }
    }

    /** Whether the content so far opened a {@code <think>} that has not closed. */
    public boolean inThink() {
        return inThink;
    }

    /**
     * Whether the next piece, if it holds no {@code <}, passes through unchanged as one text delta:
     * outside any tag, nothing held back, no whitespace being dropped.
     */
    public boolean isPlain() {
        return !inThink && !dropLeadingWhitespace && held.isEmpty();
    }

    /** The text held back as a possible tag prefix, e.g. {@code "<thi"}; empty when none. */
    public String held() {
        return held;
    }

    /**
     * Splits a whole content string at once (for non-streaming answers).
     *
     * @return {@code [reasoning, text]}; reasoning is null when there were no tags
     */
    public static String[] splitWhole(String content) {
        if (content == null || !content.contains(OPEN)) {
            return new String[] {null, content};
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        Consumer<ChatEvent> sink = event -> {
            if (event instanceof ChatEvent.TextDelta t) {
                text.append(t.text());
            } else if (event instanceof ChatEvent.ReasoningDelta r) {
                reasoning.append(r.text());
            }
        };
        ThinkTagSplitter splitter = new ThinkTagSplitter();
        splitter.feed(content, sink);
        splitter.flush(sink);
        return new String[] {reasoning.toString(), text.toString()};
    }

    private void emit(String s, int from, int to, Consumer<ChatEvent> out) {
        if (inThink) {
            if (to > from) {
                out.accept(new ChatEvent.ReasoningDelta(s.substring(from, to)));
            }
            return;
        }
        if (dropLeadingWhitespace) {
            while (from < to && Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            if (from == to) {
                return; // still only whitespace after </think>: keep dropping
            }
            dropLeadingWhitespace = false;
        }
        if (to > from) {
            out.accept(new ChatEvent.TextDelta(s.substring(from, to)));
        }
    }

    /** Length of the longest suffix of {@code s[from..]} that is a proper prefix of {@code tag}. */
    private static int partialTagAtEnd(String s, int from, String tag) {
        int len = s.length();
        int start = Math.max(from, len - (tag.length() - 1));
        for (int at = s.indexOf('<', start); at >= 0; at = s.indexOf('<', at + 1)) {
            if (s.regionMatches(at, tag, 0, len - at)) {
                return len - at;
            }
        }
        return 0;
    }
}
