package dev.switchboard.server.engine;

/**
 * An engine's refusal, answered with {@link #status()} in the endpoint's error envelope.
 */
public class EngineException extends RuntimeException {

    private final int status;

    /**
     * @param status  the HTTP status to answer with: 400 bad parameters, 404 unknown model,
     *                429 or 503 busy, 500 engine failure
     * @param message the error message sent to the client
     */
    public EngineException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** A 404 for a model this engine does not serve, worded like Ollama's. */
    public static EngineException modelNotFound(String model) {
        return new EngineException(404, "model '" + model + "' not found");
    }
}
