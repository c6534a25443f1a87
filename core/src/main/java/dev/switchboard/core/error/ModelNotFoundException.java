package dev.switchboard.core.error;

/**
 * The model does not exist on the server: HTTP 404 whose message or code names a model. Ollama answers
 * {@code model "x" not found, try pulling it first}; OpenAI, code {@code model_not_found}. A 404 about
 * anything else (a missing route) is a {@link RouteNotFoundException}.
 */
public class ModelNotFoundException extends LlmException {

    /**
     * @param message         what went wrong, for people
     * @param status          the HTTP status, or 0 when there was no response
     * @param providerMessage the server's own error message, or null
     * @param providerCode    the server's error code or type, or null
     * @param cause           the underlying failure, or null
     */
    public ModelNotFoundException(String message, int status, String providerMessage, String providerCode, Throwable cause) {
        super(message, status, providerMessage, providerCode, cause);
    }

    /** {@inheritDoc} */
    @Override
    public boolean isRetriable() {
        return false;
    }
}
