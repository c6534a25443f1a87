package dev.switchboard.server.internal;

import java.util.ArrayDeque;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import dev.switchboard.server.fault.Fault;

/**
 * Writes one response body frame by frame on its connection's event loop, applying the request's
 * stream fault, and holding back while Vert.x's write queue for a slow client is full (resuming on
 * its drain handler) instead of piling bytes into it. Not thread-safe: every method runs on the
 * response's event loop.
 *
 * <p>Each {@link HttpServerResponse#write} is flushed by Vert.x as it is written (TCP_NODELAY is
 * on), so one frame reaches the client as soon as it is pumped.
 */
public final class FramePump {

    /** How a pumped response ended. */
    public enum Outcome {
        /** Written to its end (end marker, unless {@link Fault.NoDoneMarker} left it out). */
        COMPLETED,
        /** Ended by a mid-stream error frame. */
        FAILED,
        /** Cut by {@link Fault.DropConnection}. */
        DROPPED,
        /** The client went away first. */
        CANCELLED
    }

    /** Hears about the end and about the backlog, on the event loop. */
    public interface Listener {
        /** The response ended; called once. */
        void finished(Outcome outcome);

        /**
         * A pass of writing ended with {@code queued} frames still waiting (for a full write queue,
         * a stall or a split write); the producer may be paused or resumed accordingly.
         */
        void progressed(int queued);
    }
    /** The gap between the pieces of a {@link Fault.SplitWrites} frame, in milliseconds. */
    static final long SPLIT_GAP_MS = 1;

    private enum Kind { FRAME, UNCOUNTED, MARKER, END, END_FAILED }

    private record Action(Kind kind, byte[] bytes) {
    }

    private final Vertx vertx;
    private final HttpServerResponse response;
    private final Fault fault;
    private final byte[] malformed;
    private final Listener listener;
    private final ArrayDeque<Action> queue = new ArrayDeque<>();

    private int counted;
    private boolean faultFired;
    private boolean busy;
    private boolean holding;
    private boolean done;
    private long timer = -1;
    private long stallTimer = -1;
    private final long writeStallMillis;
    private final io.vertx.core.http.HttpConnection connection;

    /**
     * @param fault     the request's fault, or null; only stream faults act here
     * @param malformed the frame {@link Fault.MalformedChunk} writes
     */
    public FramePump(Vertx vertx, HttpServerResponse response, Fault fault, byte[] malformed, Listener listener) {
        this(vertx, response, fault, malformed, listener, java.time.Duration.ofSeconds(30), null);
    }

    /**
     * @param writeStall how long the client may leave the write queue full (reading nothing) before
     *                   the connection is dropped and the response reported {@link Outcome#CANCELLED}
     * @param connection the response's connection, closed on a write stall (null: reset the response)
     */
    public FramePump(Vertx vertx, HttpServerResponse response, Fault fault, byte[] malformed, Listener listener,
            java.time.Duration writeStall, io.vertx.core.http.HttpConnection connection) {
        this.connection = connection;
        this.writeStallMillis = Math.max(1, writeStall.toMillis());
        this.vertx = vertx;
        this.response = response;
        this.fault = fault;
        this.malformed = malformed;
        this.listener = listener;
    }

    /** Queues a frame that counts as a chunk for faults. */
    public void frame(byte[] bytes) {
        enqueue(new Action(Kind.FRAME, bytes));
    }

    /** Queues a frame that does not count (the {@code /v1} role-only first chunk). */
    public void uncounted(byte[] bytes) {
        enqueue(new Action(Kind.UNCOUNTED, bytes));
    }

    /**
     * Queues the end: {@code endMarker} (null for none; left out under {@link Fault.NoDoneMarker})
     * then the end of the body; reports {@link Outcome#COMPLETED}.
     */
    public void end(byte[] endMarker) {
        if (endMarker != null && !(fault instanceof Fault.NoDoneMarker)) {
            enqueue(new Action(Kind.MARKER, endMarker));
        }
        enqueue(new Action(Kind.END, null));
    }

    /** Queues an error frame after what is queued, then the end of the body; reports {@link Outcome#FAILED}. */
    public void fail(byte[] errorFrame) {
        enqueue(new Action(Kind.UNCOUNTED, errorFrame));
        enqueue(new Action(Kind.END_FAILED, null));
    }

    /** The client went away: stop writing; reports {@link Outcome#CANCELLED} unless already ended. */
    public void clientGone() {
        finish(Outcome.CANCELLED);
    }

    /**
     * Holds writing until {@link #release()}: frames queued meanwhile are written together, in one
     * {@link HttpServerResponse#write} (so one flush) when no stream fault is set. For a producer
     * that hands over several frames at once.
     */
    public void hold() {
        holding = true;
    }

    /** Writes what {@link #hold()} held back; nothing when not holding. */
    public void release() {
        if (holding) {
            holding = false;
            pump();
        }
    }

    /** How many frames wait to be written. */
    public int queued() {
        return queue.size();
    }

    /** Whether the response has ended in any way. */
    public boolean isDone() {
        return done;
    }

    private void enqueue(Action action) {
        if (done) {
            return;
        }
        queue.add(action);
        pump();
    }

    private void pump() {
        if (holding) {
            return;
        }
        while (!busy && !done && !queue.isEmpty()) {
            if (response.closed()) {
                finish(Outcome.CANCELLED);
                return;
            }
            if (response.writeQueueFull()) {
                busy = true;
                watchStall();
                response.drainHandler(v -> {
                    cancelStall();
                    busy = false;
                    pump();
                });
                break;
            }
            Action next = queue.peek();
            if (faultDue(next.kind())) {
                fireFault();
                continue;
            }
            if (fault == null && isBytes(next.kind()) && queue.size() > 1) {
                writeGathered();
                continue;
            }
            queue.poll();
            switch (next.kind()) {
                case FRAME:
                    counted++;
                    write(next.bytes());
                    break;
                case UNCOUNTED:
                case MARKER:
                    write(next.bytes());
                    break;
                case END:
                    endBody(Outcome.COMPLETED);
                    break;
                default:
                    endBody(Outcome.FAILED);
                    break;
            }
        }
        if (!done) {
            listener.progressed(queue.size());
        }
    }

    private static boolean isBytes(Kind kind) {
        return kind == Kind.FRAME || kind == Kind.UNCOUNTED || kind == Kind.MARKER;
    }

    /** Without a fault: the frames at the head of the queue, up to the first end, in one write. */
    private void writeGathered() {
        int size = 0;
        for (Action action : queue) {
            if (!isBytes(action.kind())) {
                break;
            }
            size += action.bytes().length;
        }
        Buffer gathered = Buffer.buffer(size);
        while (!queue.isEmpty() && isBytes(queue.peek().kind())) {
            Action action = queue.poll();
            if (action.kind() == Kind.FRAME) {
                counted++;
            }
            gathered.appendBytes(action.bytes());
        }
        response.write(gathered);
    }

    /** A counted fault fires before the chunk after its count, or before the end at the latest. */
    private boolean faultDue(Kind kind) {
        if (faultFired || !(kind == Kind.FRAME || kind == Kind.MARKER || kind == Kind.END)) {
            return false;
        }
        int after;
        if (fault instanceof Fault.MalformedChunk) {
            after = ((Fault.MalformedChunk) fault).afterChunks();
        } else if (fault instanceof Fault.DropConnection) {
            after = ((Fault.DropConnection) fault).afterChunks();
        } else if (fault instanceof Fault.StallMidStream) {
            after = ((Fault.StallMidStream) fault).afterChunks();
        } else {
            return false;
        }
        return counted >= after || kind != Kind.FRAME;
    }

    private void fireFault() {
        faultFired = true;
        if (fault instanceof Fault.MalformedChunk) {
            write(malformed);
        } else if (fault instanceof Fault.DropConnection) {
            finish(Outcome.DROPPED);
            response.reset(); // HTTP/1.x: closes the connection, no terminating chunk
        } else {
            busy = true;
            timer = vertx.setTimer(Math.max(1, ((Fault.StallMidStream) fault).stall().toMillis()), id -> {
                timer = -1;
                busy = false;
                pump();
            });
        }
    }

    private void write(byte[] bytes) {
        if (fault instanceof Fault.SplitWrites) {
            writePieces(bytes, 0, ((Fault.SplitWrites) fault).bytesPerWrite());
        } else {
            response.write(Buffer.buffer(bytes));
        }
    }

    /** Writes {@code bytes[from..]} one piece now and the rest after a gap each, holding the queue meanwhile. */
    private void writePieces(byte[] bytes, int from, int size) {
        int to = Math.min(bytes.length, from + size);
        response.write(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, from, to)));
        if (to < bytes.length) {
            busy = true;
            timer = vertx.setTimer(SPLIT_GAP_MS, id -> {
                timer = -1;
                if (!done) {
                    busy = false;
                    writePieces(bytes, to, size);
                    pump();
                }
            });
        }
    }

    private void endBody(Outcome outcome) {
        finish(outcome);
        // asked before end(): Vert.x throws IllegalStateException (Response has already been written)
        // for writeQueueFull() on an ended response, which it did at the end of every stream
        boolean full = response.writeQueueFull();
        response.end();
        if (full) {
            watchStall(); // the last bytes (a whole body, say) wait on a client that may never read them
        }
    }

    /**
     * Issue 16, finding 1: a client that reads nothing must not hold the write queue (and the
     * engine call behind it) for ever. If the queue is still full when the time is up, the
     * connection is closed; a drain in between cancels the watch.
     */
    private void watchStall() {
        if (stallTimer >= 0) {
            return;
        }
        stallTimer = vertx.setTimer(writeStallMillis, id -> {
            stallTimer = -1;
            if (response.writeQueueFull() && !response.closed()) {
                finish(Outcome.CANCELLED);
                if (connection != null) {
                    connection.close();
                } else {
                    response.reset();
                }
            }
        });
    }

    private void cancelStall() {
        if (stallTimer >= 0) {
            vertx.cancelTimer(stallTimer);
            stallTimer = -1;
        }
    }

    private void finish(Outcome outcome) {
        if (done) {
            return;
        }
        done = true;
        queue.clear();
        cancelStall();
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        listener.finished(outcome);
    }
}
