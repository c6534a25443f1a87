package dev.switchboard.core.error;

/**
 * No connection could be made, or it failed before any response byte: the server is not running,
 * refused, or reset the connection. Status is 0. Retriable.
 */
public class ConnectionException extends LlmException {

    /**
     * @param message what went wrong, naming the URL
     * @param cause   the I/O failure
     */
    public ConnectionException(String message, Throwable cause) {
        super(message, 0, null, null, cause);
    }

    /** {@inheritDoc} */
    @Override
    public boolean isRetriable() {
        return true;
    }
}
