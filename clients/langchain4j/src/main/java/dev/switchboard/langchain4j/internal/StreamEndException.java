package dev.switchboard.langchain4j.internal;

/**
 * A streamed body ended without the protocol's end marker: {@code data: [DONE]} on {@code /v1}, a
 * line with {@code "done": true} on Ollama's {@code /api}. LangChain4j's OpenAI module treats the end
 * of the body as success and its Ollama module waits forever, so {@link LangChain4jHttpClient} reports
 * it as an error instead. A stream cut this way is not a complete answer: Ollama's {@code /v1} ends a
 * failed stream just so ({@code core/src/test/resources/reference/ollama-wire.md} section 2.2).
 */
public final class StreamEndException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String lastPayload;

    /** @param lastPayload the data of the last event before the end, or null if there was none */
    public StreamEndException(String lastPayload) {
        super("the stream ended without its end marker (data: [DONE], or \"done\": true)");
        this.lastPayload = lastPayload;
    }

    /** The data of the last event before the end (an error frame, say), or null. */
    public String lastPayload() {
        return lastPayload;
    }
}
