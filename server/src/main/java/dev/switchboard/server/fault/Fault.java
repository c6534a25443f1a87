package dev.switchboard.server.fault;

import java.time.Duration;

/**
 * A failure the server injects into a response, for tests. Register one with
 * {@link Faults#forModel(String, Fault)} (every request naming that model) or
 * {@link Faults#forNextRequest(Fault)}; both work for {@code /v1} and {@code /api}.
 *
 * <p>Chunk counts refer to the engine's chunks as written (one SSE event or NDJSON line each, not
 * counting the role-only first chunk of {@code /v1}).
 */
public sealed interface Fault {

    /**
     * Answer with {@code status} and an error body in the endpoint's envelope, before any stream.
     *
     * @param status     e.g. 401, 404, 429, 500, 503
     * @param message    the error message in the body
     * @param retryAfter sent as {@code Retry-After} in whole seconds when not null
     */
    record Status(int status, String message, Duration retryAfter) implements Fault {
    }

    /** After {@code afterChunks} good chunks, send a chunk that is not JSON, then end the stream normally. */
    record MalformedChunk(int afterChunks) implements Fault {
    }

    /** After {@code afterChunks} chunks, close the connection abruptly (no end marker, no terminating chunk). */
    record DropConnection(int afterChunks) implements Fault {
    }

    /** Wait {@code stall} before sending the status line and headers. */
    record StallBeforeFirstByte(Duration stall) implements Fault {
    }

    /** After {@code afterChunks} chunks, send nothing for {@code stall}, then go on. */
    record StallMidStream(int afterChunks, Duration stall) implements Fault {
    }

    /** Send every chunk but end the body without {@code data: [DONE]} (natively: without the {@code done:true} line). */
    record NoDoneMarker() implements Fault {
    }

    /**
     * Write every chunk in pieces of at most {@code bytesPerWrite} bytes, each flushed on its own,
     * so multi-byte UTF-8 characters (你好 😊) are split across writes.
     */
    record SplitWrites(int bytesPerWrite) implements Fault {
    }
}
