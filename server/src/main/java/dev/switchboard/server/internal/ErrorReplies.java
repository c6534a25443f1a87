package dev.switchboard.server.internal;

import java.time.Duration;
import java.util.function.Function;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import dev.switchboard.core.wire.OllamaWire;
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.core.wire.WireFormatException;

/**
 * Error answers in the envelope of the route's family: Ollama's {@code {"error":"..."}} under
 * {@code /api} ({@code core/src/test/resources/reference/ollama-wire.md} 2.1), llama-server's
 * {@code {"error":{"code":..,"message":..,"type":..}}} everywhere else
 * ({@code llama-server-transcripts/17-missing-messages.txt}).
 */
public final class ErrorReplies {

    /** {@code Content-Type} of every JSON body, as llama-server and Ollama's native API send it. */
    public static final String JSON = "application/json; charset=utf-8";

    private ErrorReplies() {
    }

    /** Whether {@code path} is one of Ollama's native routes ({@code /api} or under it). */
    public static boolean isOllama(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * The error body for {@code path}'s family; on {@code /v1} the type is
     * {@link OpenAiWire#errorType(int)}'s, except {@code invalid_request_error} for 405 and 413
     * (the request is at fault).
     */
    public static byte[] body(String path, int status, String message) {
        if (isOllama(path)) {
            return OllamaWire.writeError(message);
        }
        String type = status == 405 || status == 413 ? "invalid_request_error" : null;
        return OpenAiWire.writeError(status, message, type);
    }

    /**
     * Answers {@code status} with the error body, and {@code Retry-After} in whole seconds (rounded
     * up) when {@code retryAfter} is not null. Does nothing if the response has already begun.
     */
    public static void send(HttpServerResponse response, String path, int status, String message, Duration retryAfter) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", JSON);
        if (retryAfter != null) {
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            response.putHeader("Retry-After", Long.toString(Math.max(0, seconds)));
        }
        response.end(Buffer.buffer(body(path, status, message)));
    }

    /**
     * Reads {@code body} with {@code reader} (one of core's wire readers); if the reader refuses it
     * ({@link WireFormatException} or {@link IllegalArgumentException}), answers 400 with its
     * message in the route's error shape and returns null.
     */
    public static <T> T readOr400(HttpServerRequest request, Buffer body, Function<byte[], T> reader) {
        try {
            return reader.apply(body.getBytes());
        } catch (WireFormatException | IllegalArgumentException e) {
            send(request.response(), request.path(), 400, e.getMessage(), null);
            return null;
        }
    }
}
