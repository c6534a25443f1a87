package dev.switchboard.springai.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.HttpErrors;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;

/**
 * Turns what Spring AI's OpenAI model throws into core's {@link LlmException} family. Spring AI
 * 2.0.1 does not wrap the SDK's exceptions, so these are openai-java's: one
 * {@link OpenAIServiceException} subclass per HTTP status (status, headers and the parsed
 * {@code error} object), {@link SseException} for an error frame inside a stream,
 * {@link OpenAIIoException} around an {@link IOException}, {@link OpenAIInvalidDataException} for
 * a body that does not parse; on the streaming path sometimes inside a
 * {@link CompletionException}. The status mapping itself is core's {@link HttpErrors#forStatus}.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Maps a failure of a call that had not delivered anything yet.
     *
     * @param failure  what Spring AI or the SDK threw
     * @param endpoint for the URL and the read timeout in messages
     * @return the typed exception, with status and the server's message where there were some
     */
    public static LlmException beforeAnswer(Throwable failure, Endpoint endpoint) {
        Throwable t = unwrap(failure);
        if (t instanceof LlmException e) {
            return e;
        }
        if (t instanceof SseException e) {
            return HttpErrors.forStatus(e.statusCode() >= 400 ? e.statusCode() : 500, message(e), code(e), null);
        }
        if (t instanceof OpenAIServiceException e) {
            return HttpErrors.forStatus(e.statusCode(), message(e), code(e), retryAfter(e));
        }
        if (isTimeout(t)) {
            return new LlmTimeoutException("no answer from " + endpoint.baseUrl() + " within the read timeout of "
                    + endpoint.readTimeout().toSeconds() + " s", endpoint.readTimeout(), t);
        }
        if (t instanceof IOException) {
            return new ConnectionException("request to " + endpoint.baseUrl() + " failed: " + t.getMessage(), t);
        }
        if (t instanceof OpenAIInvalidDataException || t instanceof JsonProcessingException) {
            return malformed(t);
        }
        return new LlmException("Spring AI call to " + endpoint.baseUrl() + " failed: " + t, 0, null, null, t);
    }

    /**
     * Maps a failure of a stream that had begun: always a {@link StreamInterruptedException}
     * keeping {@code partial}, whose cause says why (core's convention): the {@link IOException}
     * of a dropped connection, an {@link LlmTimeoutException} for a stall, a
     * {@link MalformedResponseException} for a chunk that does not parse, or null for a missing
     * {@code [DONE]} or an error frame (then status and the server's message are kept).
     */
    public static StreamInterruptedException midStream(Throwable failure, PartialResponse partial, Endpoint endpoint) {
        Throwable t = unwrap(failure);
        if (t instanceof StreamInterruptedException e) {
            return e;
        }
        if (t instanceof SseEndGuard.MissingDoneMarkerException) {
            return new StreamInterruptedException("the stream ended without data: [DONE]", partial, null);
        }
        if (t instanceof OpenAIServiceException e) {
            return new StreamInterruptedException("the server ended the stream with an error: " + message(e), partial,
                    null, e.statusCode(), message(e), code(e));
        }
        if (isTimeout(t)) {
            return new StreamInterruptedException("the stream stalled", partial,
                    new LlmTimeoutException("no byte within the read timeout of "
                            + endpoint.readTimeout().toSeconds() + " s", endpoint.readTimeout(), t));
        }
        if (t instanceof IOException) {
            return new StreamInterruptedException("the connection broke mid-stream: " + t.getMessage(), partial, t);
        }
        if (t instanceof OpenAIInvalidDataException || t instanceof JsonProcessingException) {
            return new StreamInterruptedException("a chunk could not be decoded", partial, malformed(t));
        }
        return new StreamInterruptedException("the stream failed: " + t, partial, t);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof OpenAIIoException || t instanceof UncheckedIOException)) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isTimeout(Throwable t) {
        // OkHttp: SocketTimeoutException for the read timeout, InterruptedIOException("timeout") for the call timeout.
        return t instanceof InterruptedIOException;
    }

    private static MalformedResponseException malformed(Throwable t) {
        Throwable parse = t instanceof JsonProcessingException ? t : t.getCause();
        String payload = null;
        String detail = t.getMessage();
        if (parse instanceof JsonProcessingException json) {
            detail = json.getOriginalMessage();
            Object source = json.getLocation() == null ? null : json.getLocation().contentReference().getRawContent();
            if (source instanceof String text) {
                payload = text;
            } else if (source instanceof byte[] bytes) {
                payload = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return new MalformedResponseException("the server's answer is not the JSON expected (" + detail + ")",
                payload, t);
    }

    /** The server's own words: {@code error.message} of the envelope, else the SDK's message. */
    private static String message(OpenAIServiceException e) {
        return field(e.body(), "message").orElse(e.getMessage());
    }

    private static String code(OpenAIServiceException e) {
        return e.type().or(() -> field(e.body(), "code")).orElse(null);
    }

    private static Optional<String> field(JsonValue body, String name) {
        Optional<Map<String, JsonValue>> object = body.asObject();
        if (object.isEmpty() || object.get().get(name) == null) {
            return Optional.empty();
        }
        JsonValue value = object.get().get(name);
        Optional<String> text = value.asString();
        return text.isPresent() ? text : value.asNumber().map(Object::toString);
    }

    private static Duration retryAfter(OpenAIServiceException e) {
        return e.headers().values("retry-after").stream().findFirst()
                .map(value -> HttpErrors.parseRetryAfter(value, Clock.systemUTC())).orElse(null);
    }
}
