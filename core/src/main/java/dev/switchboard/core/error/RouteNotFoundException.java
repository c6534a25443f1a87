package dev.switchboard.core.error;

/**
 * The server has no such route: HTTP 404 with a body that is not about a model. llama-server
 * answers a path it lacks with {@code {"error":{"message":"File Not Found","type":"not_found_error","code":404}}}
 * (recorded in core's test resources, {@code reference/llama-server-transcripts/15-unknown-route.txt});
 * Ollama with the text {@code 404 page not found}. Usually the base URL is wrong, or the server does
 * not speak this API at all: an Ollama-native style ({@code /api/...}) pointed at a server that is
 * not an Ollama. Not retriable: fix the URL or choose another style.
 *
 * <p>A 404 that names a model (Ollama's {@code model "x" not found, try pulling it first}, OpenAI's
 * {@code model_not_found}) is a {@link ModelNotFoundException} instead.
 */
public class RouteNotFoundException extends LlmException {

    private final String path;

    /**
     * @param message         what went wrong, for people
     * @param status          the HTTP status (404)
     * @param providerMessage the server's own error message, or null
     * @param providerCode    the server's error code or type, or null
     * @param path            the request path the server lacks (e.g. {@code /api/chat}), or null when unknown
     */
    public RouteNotFoundException(String message, int status, String providerMessage, String providerCode, String path) {
        super(message, status, providerMessage, providerCode, null);
        this.path = path;
    }

    /** The request path the server does not have, e.g. {@code /api/chat}; null when the caller did not know it. */
    public String path() {
        return path;
    }

    /** {@inheritDoc} */
    @Override
    public boolean isRetriable() {
        return false;
    }
}
