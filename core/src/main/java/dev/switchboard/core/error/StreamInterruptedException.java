package dev.switchboard.core.error;

import dev.switchboard.core.PartialResponse;

/**
 * A stream broke after it began, and {@link #partial()} holds everything that arrived. The cause
 * says why:
 * <ul>
 *   <li>an {@link java.io.IOException}: the connection was dropped;</li>
 *   <li>an {@link LlmTimeoutException}: the server stalled longer than the idle timeout;</li>
 *   <li>a {@link MalformedResponseException}: a chunk could not be decoded;</li>
 *   <li>null: the body ended without the end marker ({@code data: [DONE]} on {@code /v1},
 *       {@code "done": true} natively), which is never taken as success; or the server sent an
 *       error frame mid-stream, whose message is then in {@link #providerMessage()}.</li>
 * </ul>
 * Retriable, as a new generation.
 */
public class StreamInterruptedException extends LlmException {

    private final transient PartialResponse partial;

    /**
     * @param message what happened
     * @param partial what arrived before the cut; null means nothing
     * @param cause   why, as listed on the class, or null
     */
    public StreamInterruptedException(String message, PartialResponse partial, Throwable cause) {
        this(message, partial, cause, 0, null, null);
    }

    /**
     * For a stream the server itself broke off with an error frame (llama.cpp's
     * {@code data: {"error":{...}}}, Ollama's NDJSON {@code {"error":"..."}}), where the cause is
     * null and the server's own words are kept.
     *
     * @param message         what happened
     * @param partial         what arrived before the cut; null means nothing
     * @param cause           why, as listed on the class, or null
     * @param status          the status the error frame names (llama.cpp's {@code error.code}), or 0
     * @param providerMessage the server's message from the error frame, or null
     * @param providerCode    the frame's {@code type} or {@code code}, or null
     */
    public StreamInterruptedException(String message, PartialResponse partial, Throwable cause, int status,
            String providerMessage, String providerCode) {
        super(message, status, providerMessage, providerCode, cause);
        this.partial = partial == null ? PartialResponse.EMPTY : partial;
    }

    /** What arrived before the cut: text, reasoning and tool calls. */
    public PartialResponse partial() {
        return partial;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isRetriable() {
        return true;
    }
}
