package dev.switchboard.server.internal.llama;

import java.util.List;

/**
 * Watches the first characters of a free answer, with tools offered and {@code tool_choice}
 * {@code auto}, to tell whether the model is starting a tool call: after optional whitespace, an
 * answer that begins with {@code {} (the JSON call the fallback prompt asks for) or with a chat
 * template's own call marker ({@code <tool_call>} as in Hermes and Qwen, {@code [TOOL_CALLS]} as
 * in Mistral, {@code <|python_tag|>} as in Llama 3.1) is a call; anything else is an answer.
 */
public final class CallOpener {

    /** The openers that mean "a call follows". */
    public static final List<String> OPENERS = List.of("{", "<tool_call>", "[TOOL_CALLS]", "<|python_tag|>");

    /** What the text seen so far says. */
    public enum Verdict {
        /** Not yet known: the text is whitespace or a prefix of an opener; hold it back. */
        UNDECIDED,
        /** A call is starting. */
        CALL,
        /** An answer: send the held-back text. */
        ANSWER
    }

    private final StringBuilder seen = new StringBuilder();

    /** Adds {@code piece} and returns the verdict on everything seen so far. */
    public Verdict accept(String piece) {
        seen.append(piece);
        String text = seen.toString().stripLeading();
        if (text.isEmpty()) {
            return Verdict.UNDECIDED;
        }
        for (String opener : OPENERS) {
            if (text.startsWith(opener)) {
                return Verdict.CALL;
            }
            if (opener.startsWith(text)) {
                return Verdict.UNDECIDED;
            }
        }
        return Verdict.ANSWER;
    }

    /** Everything seen so far, held back while undecided. */
    public String seen() {
        return seen.toString();
    }
}
