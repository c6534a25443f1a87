package dev.switchboard.core.error;

import java.time.Duration;

/**
 * No byte arrived within the endpoint's timeout: connecting, or waiting for the response (the idle
 * timeout, {@link dev.switchboard.core.Endpoint#readTimeout()}). A stall <em>after</em> a stream
 * began is reported as a {@link StreamInterruptedException} whose cause is this. Retriable.
 */
public class LlmTimeoutException extends LlmException {

    private final Duration timeout;

    /**
     * @param message what timed out
     * @param timeout the limit that was exceeded
     * @param cause   the underlying timeout, or null
     */
    public LlmTimeoutException(String message, Duration timeout, Throwable cause) {
        super(message, 0, null, null, cause);
        this.timeout = timeout;
    }

    /** The limit that was exceeded. */
    public Duration timeout() {
        return timeout;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isRetriable() {
        return true;
    }
}
