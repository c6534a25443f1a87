package dev.switchboard.langchain4j.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JacksonException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.ollama.OllamaStreamingException;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.HttpErrors;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.wire.ErrorBody;
import dev.switchboard.core.wire.OpenAiWire;

/**
 * The one place where what LangChain4j throws becomes core's typed {@link LlmException}. LangChain4j
 * wraps the transport's exception in its own ({@code RateLimitException}, {@code InternalServerException},
 * a {@code RuntimeException} around a Jackson error...), so the cause chain is searched for the
 * transport fact:
 *
 * <table>
 *   <caption>cause found → exception</caption>
 *   <tr><td>{@link HttpStatusException} / LangChain4j's {@link HttpException}</td>
 *       <td>{@link HttpErrors#forStatus} with the server's message and code from the body (either
 *       envelope), and {@code Retry-After} and the request path when the first kept them</td></tr>
 *   <tr><td>LangChain4j's {@link TimeoutException}, {@link HttpTimeoutException}</td><td>{@link LlmTimeoutException}</td></tr>
 *   <tr><td>a Jackson parse error</td><td>{@link MalformedResponseException} naming the payload</td></tr>
 *   <tr><td>{@link ConnectException}, an unresolved host, any other {@link IOException}</td><td>{@link ConnectionException}</td></tr>
 *   <tr><td>anything else</td><td>{@link LlmException} with status 0, the original as cause</td></tr>
 * </table>
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Maps a failure before an answer began.
     *
     * @param failure what LangChain4j threw or reported
     * @param payload the payload being handled when it failed, or null (see {@link Exchange#lastPayload()})
     * @param timeout the read timeout in force, for {@link LlmTimeoutException#timeout()}
     * @return the typed exception; {@code failure} itself when it already is one
     */
    public static LlmException map(Throwable failure, String payload, Duration timeout) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof LlmException llm) {
                return llm;
            }
            if (c instanceof HttpStatusException status) {
                return forStatus(status.statusCode(), status.getMessage(), status.retryAfter(), status.path());
            }
            if (c instanceof HttpException http) {
                return forStatus(http.statusCode(), http.getMessage(), null, null);
            }
            if (c instanceof TimeoutException || c instanceof HttpTimeoutException) {
                return new LlmTimeoutException("no answer within the read timeout of " + timeout, timeout, failure);
            }
            if (c instanceof JacksonException) {
                return new MalformedResponseException("the server's answer is not the JSON expected", payload, failure);
            }
            if (c instanceof ConnectException || c instanceof UnresolvedAddressException
                    || c instanceof UnresolvedModelServerException) {
                return new ConnectionException("cannot connect: " + c, failure);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new ConnectionException("the connection failed: " + io, failure);
        }
        return new LlmException("LangChain4j failed: " + failure, 0, null, null, failure);
    }

    /**
     * Maps a failure after the answer began: always a {@link StreamInterruptedException} keeping
     * {@code partial}. Its cause is the {@link MalformedResponseException} or {@link LlmTimeoutException}
     * for those, the I/O exception for a broken connection, null for a missing end marker or an error
     * the server reported in the stream (its message then in {@code providerMessage()}).
     */
    public static StreamInterruptedException interrupted(Throwable failure, String payload, Duration timeout,
            PartialResponse partial) {
        if (failure instanceof StreamEndException end) {
            ErrorBody frame = end.lastPayload() == null || !end.lastPayload().contains("\"error\"")
                    ? null : OpenAiWire.readError(end.lastPayload().getBytes(StandardCharsets.UTF_8));
            if (frame != null && frame.message() != null) {
                return new StreamInterruptedException("the server reported an error mid-stream: " + frame.message(),
                        partial, null, 0, frame.message(), frame.code());
            }
            return new StreamInterruptedException(end.getMessage(), partial, null);
        }
        if (failure instanceof OllamaStreamingException) {
            // langchain4j-ollama's exception for an {"error": "..."} line; its message is the server's.
            return new StreamInterruptedException("the server reported an error mid-stream: " + failure.getMessage(),
                    partial, null, 0, failure.getMessage(), null);
        }
        LlmException mapped = map(failure, payload, timeout);
        Throwable cause = mapped;
        if (mapped instanceof ConnectionException) {
            IOException io = find(failure, IOException.class);
            cause = io != null ? io : mapped;
        }
        return new StreamInterruptedException("the stream broke after it began: " + mapped.getMessage(), partial, cause,
                mapped.status(), mapped.providerMessage(), mapped.providerCode());
    }

    private static LlmException forStatus(int status, String body, Duration retryAfter, String path) {
        ErrorBody error = OpenAiWire.readError(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        // core's constructors take no cause for a status error: the status and the server's words are the facts.
        return HttpErrors.forStatus(status, error.message(), error.code(), retryAfter, path);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
