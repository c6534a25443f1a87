package dev.switchboard.core.wire;

/**
 * A request body that a server cannot accept: not JSON, or JSON of the wrong shape. The server
 * answers it with 400 in the endpoint's error envelope; the message names the offending field
 * (e.g. {@code "messages" must be an array}).
 */
public class WireFormatException extends RuntimeException {

    private final String param;

    /**
     * @param message what is wrong, for the client
     * @param param   the offending top-level field, or null
     * @param cause   the parser's exception, or null
     */
    public WireFormatException(String message, String param, Throwable cause) {
        super(message, cause);
        this.param = param;
    }

    /** The offending top-level field, e.g. {@code "messages"}, or null. */
    public String param() {
        return param;
    }
}
