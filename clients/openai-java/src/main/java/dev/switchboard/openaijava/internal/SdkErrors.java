package dev.switchboard.openaijava.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;

import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.HttpErrors;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;

/**
 * The one place where openai-java's exceptions become core's typed errors.
 *
 * <table>
 *   <caption>SDK exception to core exception</caption>
 *   <tr><th>openai-java</th><th>core</th></tr>
 *   <tr><td>{@link OpenAIServiceException} (400 {@code BadRequestException}, 401
 *       {@code UnauthorizedException}, 403 {@code PermissionDeniedException}, 404
 *       {@code NotFoundException}, 422, 429 {@code RateLimitException}, 5xx
 *       {@code InternalServerException}, other {@code UnexpectedStatusCodeException})</td>
 *       <td>{@link HttpErrors#forStatus} with the status, the server's {@code message} and
 *       {@code type}/{@code code} read from the error body the SDK kept, and
 *       {@code Retry-After}</td></tr>
 *   <tr><td>{@link OpenAIIoException} caused by a socket timeout</td><td>{@link LlmTimeoutException}</td></tr>
 *   <tr><td>{@link OpenAIIoException}, other causes</td><td>{@link ConnectionException}</td></tr>
 *   <tr><td>{@link OpenAIInvalidDataException}</td><td>{@link MalformedResponseException}</td></tr>
 *   <tr><td>{@link SseException} (an error frame inside a stream)</td>
 *       <td>{@link StreamInterruptedException} with the frame's code and message</td></tr>
 * </table>
 */
public final class SdkErrors {

    private SdkErrors() {
    }

    /**
     * Maps a failure before any answer arrived (a request, or the start of a stream).
     *
     * @param e           what the SDK threw
     * @param readTimeout the configured idle timeout, for {@link LlmTimeoutException#timeout()}
     * @param during      what was being done, for the message, e.g. {@code POST /chat/completions}
     */
    public static LlmException map(OpenAIException e, Duration readTimeout, String during) {
        if (e instanceof OpenAIServiceException service) {
            return forStatus(service);
        }
        if (e instanceof OpenAIIoException && e.getCause() instanceof IOException io) {
            return isTimeout(io)
                    ? new LlmTimeoutException("no data for " + readTimeout.toMillis() + " ms during " + during,
                            readTimeout, io)
                    : new ConnectionException("connection failed during " + during + ": " + io, io);
        }
        if (e instanceof OpenAIInvalidDataException) {
            return malformed(e, during);
        }
        return new ConnectionException("the request failed during " + during + ": " + e.getMessage(), e);
    }

    /**
     * Maps a failure after a stream began onto a {@link StreamInterruptedException} keeping
     * {@code partial}: the cause is the {@link IOException} of a dropped connection, an
     * {@link LlmTimeoutException} for a stall, a {@link MalformedResponseException} for a chunk
     * that does not parse; an error frame has no cause but the frame's status and message.
     */
    public static StreamInterruptedException interrupted(OpenAIException e, PartialResponse partial,
            Duration readTimeout) {
        if (e instanceof SseException frame) {
            Map<String, Object> error = errorFields(frame.body());
            int status = error.get("code") instanceof Number code ? code.intValue() : 0;
            String message = text(error.get("message"));
            return new StreamInterruptedException("the server broke off the stream: " + message, partial, null,
                    status, message, providerCode(error));
        }
        LlmException cause = map(e, readTimeout, "reading the stream");
        Throwable why = cause instanceof ConnectionException ? cause.getCause() : cause;
        return new StreamInterruptedException("the stream broke: " + cause.getMessage(), partial, why);
    }

    /**
     * A {@link MalformedResponseException} for an {@link OpenAIInvalidDataException}. The SDK does
     * not hand out the bytes it could not read; the payload kept is the JSON parser's own account
     * of them (which names the offending token), or the SDK's message.
     */
    public static MalformedResponseException malformed(OpenAIException e, String during) {
        String payload = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                payload = json.getOriginalMessage();
                break;
            }
        }
        return new MalformedResponseException("unreadable response during " + during, payload, e);
    }

    private static LlmException forStatus(OpenAIServiceException e) {
        Map<String, Object> error = errorFields(e.body());
        List<String> retryAfter = e.headers().values("Retry-After");
        Duration wait = retryAfter.isEmpty() ? null
                : HttpErrors.parseRetryAfter(retryAfter.get(0), Clock.systemUTC());
        return HttpErrors.forStatus(e.statusCode(), text(error.get("message")), providerCode(error), wait);
    }

    /**
     * The error's fields: the SDK keeps the body's {@code error} object ({@code /v1}'s
     * {@code {"error":{"message","type","code"}}}), else the whole body (vLLM's top-level
     * {@code message}); a plain {@code {"error":"..."}} string becomes its {@code message}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorFields(JsonValue body) {
        Object value = body == null || body.isMissing() ? null : body.convert(Object.class);
        if (value instanceof Map<?, ?> map) {
            Object nested = map.get("error");
            if (nested instanceof Map<?, ?> inner) {
                return (Map<String, Object>) inner;
            }
            if (nested instanceof String message) {
                return Map.of("message", message);
            }
            return (Map<String, Object>) map;
        }
        return value instanceof String message ? Map.of("message", message) : Map.of();
    }

    private static String providerCode(Map<String, Object> error) {
        String type = text(error.get("type"));
        return type != null ? type : text(error.get("code"));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }
}
