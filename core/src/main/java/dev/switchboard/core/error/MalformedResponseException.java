package dev.switchboard.core.error;

/**
 * The server sent something that is not what the protocol says: a body or stream chunk that is
 * not valid JSON, or JSON of the wrong shape. The message names the offending payload (cut to
 * 200 characters). A server bug: not retriable.
 */
public class MalformedResponseException extends LlmException {

    private final String payload;

    /**
     * @param message what was wrong
     * @param payload the offending payload, as received (may be cut), or null
     * @param cause   the parser's exception, or null
     */
    public MalformedResponseException(String message, String payload, Throwable cause) {
        super(message + (payload == null ? "" : ": " + abbreviate(payload)), 0, null, null, cause);
        this.payload = payload;
    }

    /** The offending payload, as received, or null. */
    public String payload() {
        return payload;
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 200 ? payload : payload.substring(0, 200) + "…";
    }
}
