package dev.switchboard.core;

/**
 * Why the model stopped: the {@code finish_reason} of OpenAI Chat Completions.
 *
 * <p>Ollama's native API says {@code done_reason} instead ({@code "stop"}, {@code "length"},
 * {@code "load"}, {@code "unload"}); the wire layer maps its values onto these.
 */
public enum FinishReason {
    /** {@code "stop"}: a natural end or a stop sequence. */
    STOP("stop"),
    /** {@code "length"}: {@code max_tokens} or the context size was reached. */
    LENGTH("length"),
    /** {@code "tool_calls"}: the model asked for tools (old servers say {@code "function_call"}). */
    TOOL_CALLS("tool_calls"),
    /** {@code "content_filter"}: the provider withheld content. */
    CONTENT_FILTER("content_filter"),
    /** Anything else a server sent; the raw value is lost, the end is not. */
    OTHER("other");

    private final String wireName;

    FinishReason(String wireName) {
        this.wireName = wireName;
    }

    /** The value as it appears on the OpenAI wire, e.g. {@code "tool_calls"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Maps a wire value onto a constant.
     *
     * @param value a {@code finish_reason} or Ollama {@code done_reason}; may be null
     * @return the constant, {@link #TOOL_CALLS} for the legacy {@code "function_call"},
     *         {@link #OTHER} for an unknown value, or null when {@code value} is null
     */
    public static FinishReason fromWire(String value) {
        if (value == null) {
            return null;
        }
        switch (value) {
            case "stop":
                return STOP;
            case "length":
                return LENGTH;
            case "tool_calls":
            case "function_call":
                return TOOL_CALLS;
            case "content_filter":
                return CONTENT_FILTER;
            default:
                return OTHER;
        }
    }
}
