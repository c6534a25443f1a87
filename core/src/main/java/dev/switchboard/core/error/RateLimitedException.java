package dev.switchboard.core.error;

import java.time.Duration;

/** The server asks to slow down: HTTP 429. Retriable after {@link #retryAfter()}. */
public class RateLimitedException extends LlmException {

    private final Duration retryAfter;

    /**
     * @param message         what went wrong
     * @param status          the HTTP status (429)
     * @param providerMessage the server's own error message, or null
     * @param providerCode    the server's error code or type, or null
     * @param retryAfter      the wait the server asked for in {@code Retry-After}, or null when it
     *                        sent none
     */
    public RateLimitedException(String message, int status, String providerMessage, String providerCode,
            Duration retryAfter) {
        super(message, status, providerMessage, providerCode, null);
        this.retryAfter = retryAfter;
    }

    /** The wait the server asked for ({@code Retry-After}), or null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isRetriable() {
        return true;
    }
}
