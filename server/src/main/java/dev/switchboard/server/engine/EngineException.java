package dev.switchboard.server.engine;

import java.time.Duration;

/**
 * An engine's refusal, answered with {@link #status()} in the endpoint's error envelope.
 */
public class EngineException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    /**
     * @param status  the HTTP status to answer with: 400 bad parameters, 404 unknown model,
     *                429 or 503 busy, 500 engine failure
     * @param message the error message sent to the client
     */
    public EngineException(int status, String message) {
        this(status, message, null);
    }

    /**
     * A refusal the client may retry later, e.g. 503 while a single-context engine is busy.
     *
     * @param status     the HTTP status to answer with (see {@link #EngineException(int, String)})
     * @param message    the error message sent to the client
     * @param retryAfter sent as {@code Retry-After} in whole seconds, rounded up, when the refusal
     *                   comes before any output; null for no header
     */
    public EngineException(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** How long the client should wait before retrying, sent as {@code Retry-After}; null for none. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** A 404 for a model this engine does not serve, worded like Ollama's. */
    public static EngineException modelNotFound(String model) {
        return new EngineException(404, "model '" + model + "' not found");
    }
}
