package dev.switchboard.core.error;

/**
 * The one unchecked root of every failure an {@link dev.switchboard.core.LlmClient} reports.
 *
 * <p>Subclasses are split by what the caller does next:
 * <table>
 *   <caption>HTTP status to exception; the mapping lives only in {@link HttpErrors#forStatus}</caption>
 *   <tr><th>cause</th><th>exception</th><th>retriable</th></tr>
 *   <tr><td>401, 403</td><td>{@link AuthenticationException}</td><td>no: fix the key</td></tr>
 *   <tr><td>404 naming a model</td><td>{@link ModelNotFoundException}</td><td>no: pull or rename the model</td></tr>
 *   <tr><td>any other 404</td><td>{@link RouteNotFoundException}</td><td>no: fix the base URL or the style</td></tr>
 *   <tr><td>400, 422, other 4xx</td><td>{@link BadRequestException}</td><td>no: fix the request</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException}</td><td>yes, after {@code retryAfter()}</td></tr>
 *   <tr><td>5xx</td><td>{@link ServerErrorException}</td><td>yes</td></tr>
 *   <tr><td>no connection</td><td>{@link ConnectionException}</td><td>yes</td></tr>
 *   <tr><td>no byte within the timeout</td><td>{@link LlmTimeoutException}</td><td>yes</td></tr>
 *   <tr><td>unparseable body</td><td>{@link MalformedResponseException}</td><td>no: a server bug</td></tr>
 *   <tr><td>stream broke after it began</td><td>{@link StreamInterruptedException}</td><td>yes (a new generation)</td></tr>
 * </table>
 */
public class LlmException extends RuntimeException {

    private final int status;
    private final String providerMessage;
    private final String providerCode;

    /**
     * @param message         what went wrong, for people
     * @param status          the HTTP status, or 0 when there was no response
     * @param providerMessage the server's own error message, or null
     * @param providerCode    the server's error code or type (e.g. {@code "invalid_request_error"}), or null
     * @param cause           the underlying failure, or null
     */
    public LlmException(String message, int status, String providerMessage, String providerCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.providerMessage = providerMessage;
        this.providerCode = providerCode;
    }

    /** The HTTP status, or 0 when the failure happened without a response. */
    public int status() {
        return status;
    }

    /** The server's own error message, or null when it sent none. */
    public String providerMessage() {
        return providerMessage;
    }

    /** The server's error code or type, or null. */
    public String providerCode() {
        return providerCode;
    }

    /** Whether the same request may succeed if sent again unchanged. */
    public boolean isRetriable() {
        return false;
    }
}
