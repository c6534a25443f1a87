package dev.switchboard.server.fault;

import java.time.Duration;

/**
 * A failure the server injects into a response, for tests. Register one with
 * {@link Faults#forModel(String, Fault)} (every request naming that model) or
 * {@link Faults#forNextRequest(Fault)}; both work for {@code /v1} and {@code /api}.
 *
 * <p>Chunk counts refer to the frames as written: one SSE event or NDJSON line each (text,
 * reasoning, each tool-call fragment, the {@code /v1} finish and usage chunks), not counting the
 * role-only first chunk of {@code /v1} nor the end marker ({@code data: [DONE]}, natively the
 * {@code done:true} line). A fault due after more chunks than the answer has fires just before the
 * end marker, so it always happens.
 *
 * <p>On a non-streaming request: {@link Status} and {@link StallBeforeFirstByte} act as on a stream;
 * {@link MalformedChunk} answers 200 with a body that is not JSON; {@link DropConnection} closes the
 * connection without answering; {@link StallMidStream} waits before the body; {@link SplitWrites}
 * splits the body; {@link NoDoneMarker} has no effect.
 */
public sealed interface Fault {

    /**
     * Answer with {@code status} and an error body in the endpoint's envelope, before any stream.
     *
     * @param status     e.g. 401, 404, 429, 500, 503
     * @param message    the error message in the body
     * @param retryAfter sent as {@code Retry-After} in whole seconds, rounded up (1.5 s is
     *                   {@code 2}; negative is {@code 0}), when not null; null sends none
     */
    record Status(int status, String message, Duration retryAfter) implements Fault {
        /**
         * @throws IllegalArgumentException if {@code status} is not 400 to 599
         * @throws NullPointerException     if {@code message} is null
         */
        public Status {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be 400 to 599, was " + status);
            }
            java.util.Objects.requireNonNull(message, "message");
        }
    }

    /** After {@code afterChunks} good chunks, send a chunk that is not JSON, then end the stream normally. */
    record MalformedChunk(int afterChunks) implements Fault {
        /** @throws IllegalArgumentException if {@code afterChunks} is negative */
        public MalformedChunk {
            requireCount(afterChunks);
        }
    }

    /** After {@code afterChunks} chunks, close the connection abruptly (no end marker, no terminating chunk). */
    record DropConnection(int afterChunks) implements Fault {
        /** @throws IllegalArgumentException if {@code afterChunks} is negative */
        public DropConnection {
            requireCount(afterChunks);
        }
    }

    /** Wait {@code stall} before sending the status line and headers. */
    record StallBeforeFirstByte(Duration stall) implements Fault {
        /** @throws IllegalArgumentException if {@code stall} is null or negative */
        public StallBeforeFirstByte {
            requireDuration(stall);
        }
    }

    /** After {@code afterChunks} chunks, send nothing for {@code stall}, then go on. */
    record StallMidStream(int afterChunks, Duration stall) implements Fault {
        /** @throws IllegalArgumentException if {@code afterChunks} is negative or {@code stall} null or negative */
        public StallMidStream {
            requireCount(afterChunks);
            requireDuration(stall);
        }
    }

    /** Send every chunk but end the body without {@code data: [DONE]} (natively: without the {@code done:true} line). */
    record NoDoneMarker() implements Fault {
    }

    /**
     * Write every chunk in pieces of at most {@code bytesPerWrite} bytes, each flushed on its own,
     * so multi-byte UTF-8 characters (你好 😊) are split across writes.
     */
    record SplitWrites(int bytesPerWrite) implements Fault {
        /** @throws IllegalArgumentException if {@code bytesPerWrite} is below 1 */
        public SplitWrites {
            if (bytesPerWrite < 1) {
                throw new IllegalArgumentException("bytesPerWrite must be 1 or more, was " + bytesPerWrite);
            }
        }
    }

    private static void requireCount(int afterChunks) {
        if (afterChunks < 0) {
            throw new IllegalArgumentException("afterChunks must not be negative, was " + afterChunks);
        }
    }

    private static void requireDuration(Duration stall) {
        if (stall == null || stall.isNegative()) {
            throw new IllegalArgumentException("stall must be zero or positive, was " + stall);
        }
    }
}
