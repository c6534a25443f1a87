package dev.switchboard.core.error;

/**
 * The server refused the credentials: HTTP 401 or 403. Fix the API key; retrying will not help.
 */
public class AuthenticationException extends LlmException {

    /**
     * @param message         what went wrong, for people
     * @param status          the HTTP status, or 0 when there was no response
     * @param providerMessage the server's own error message, or null
     * @param providerCode    the server's error code or type, or null
     * @param cause           the underlying failure, or null
     */
    public AuthenticationException(String message, int status, String providerMessage, String providerCode, Throwable cause) {
        super(message, status, providerMessage, providerCode, cause);
    }

    /** {@inheritDoc} */
    @Override
    public boolean isRetriable() {
        return false;
    }
}
