package dev.switchboard.langchain4j.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded hand-off of a stream's items from the thread that parses the body (LangChain4j's
 * callbacks, the producer) to the thread that reads the stream (the reader); one per stream.
 *
 * <ul>
 *   <li><b>Bounded.</b> At most {@value #CAPACITY} items are between the two threads (a
 *       {@link Semaphore} of that many permits, taken by the producer, given back by the reader).
 *       When they are used up the producer blocks, so LangChain4j stops reading the body and TCP flow
 *       control slows the server: a slow reader never makes this buffer grow.</li>
 *   <li><b>Cheap per item.</b> The producer adds each item to a batch of its own and publishes the
 *       batch (one queue operation, one wake-up of a parked reader) when its HTTP body has no more
 *       bytes to parse ({@link Exchange#idle()}, just before it would wait for the network), at
 *       {@value #BATCH} items, and at the end. A token that arrived alone is so handed over at once,
 *       while a burst read from one network buffer costs one hand-off instead of one each. Without an
 *       idle signal (no {@link BodyStream}) every item is published at once.</li>
 * </ul>
 * {@link #close()} (any thread) drops what was not read, releases a blocked producer and ends the
 * reader's wait with {@link #CLOSED}.
 */
final class Handoff {

    /** Items between the two threads at most. */
    static final int CAPACITY = 1024;
    /** Items published in one hand-off at most. */
    static final int BATCH = 256;
    /** What {@link #poll} returns once the hand-off is closed (compared by identity). */
    static final List<Object> CLOSED = Collections.unmodifiableList(new ArrayList<>());

    /** Published batches, each holding at least one item, or {@link #CLOSED}. */
    private final ArrayBlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    /** Permits for the items published and not yet taken by the reader. */
    private final Semaphore room = new Semaphore(CAPACITY);
    private final Exchange exchange;
    private volatile boolean closed;
    /** The reader while it is parked (or about to park) on an empty queue, else null. */
    private volatile Thread parkedReader;
    /** Items not published yet: the producer's thread only. */
    private List<Object> outgoing = new ArrayList<>();

    /** @param exchange the stream's exchange: its idle signal publishes the batch so far */
    Handoff(Exchange exchange) {
        this.exchange = exchange;
        exchange.onIdle(this::publish);
    }

    // ------------------------------------------------------------------ the producer's thread

    /** Adds {@code item} to the batch; publishes it if full or if the body gives no idle signal. */
    void add(Object item) {
        outgoing.add(item);
        if (outgoing.size() >= BATCH || !exchange.signalsIdle()) {
            publish();
        }
    }

    /**
     * Hands the items added so far to the reader and wakes it if it is parked; blocks while
     * {@value #CAPACITY} items wait to be read. Nothing after {@link #close()}.
     */
    void publish() {
        List<Object> batch = outgoing;
        if (batch.isEmpty() || closed) {
            return;
        }
        outgoing = new ArrayList<>();
        if (!room.tryAcquire(batch.size())) {
            wakeReader(); // full: the reader must run before there is room
            try {
                room.acquire(batch.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (closed) {
            return;
        }
        queue.offer(batch); // never full: every batch holds a permit, the queue has room for all and CLOSED
        wakeReader();
    }

    /** Unparks the reader if it waits; an extra call only costs a spurious wake-up, which the reader absorbs. */
    private void wakeReader() {
        Thread reader = parkedReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
    }

    // ------------------------------------------------------------------ the reader's thread

    /**
     * The next batch, or {@link #CLOSED}, parking while there is none; the batch's permits are given
     * back (call it only from one thread).
     *
     * @param timeout the longest wait, positive
     * @return the batch, {@link #CLOSED}, or null if nothing came within {@code timeout}
     * @throws InterruptedException if the reader was interrupted while it waited (its flag is cleared)
     */
    List<Object> poll(Duration timeout) throws InterruptedException {
        List<Object> batch = queue.poll();
        if (batch == null) {
            batch = park(timeout);
        }
        if (batch != null && batch != CLOSED) {
            room.release(batch.size());
        }
        return batch;
    }

    private List<Object> park(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread reader = Thread.currentThread();
        try {
            while (true) {
                // Announce the park before the last look, so a batch enqueued after that look is
                // followed by a wake-up (the queue's lock orders the two threads).
                parkedReader = reader;
                List<Object> batch = queue.poll();
                if (batch != null) {
                    return batch;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            parkedReader = null;
        }
    }

    // ------------------------------------------------------------------ any thread

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        return closed;
    }

    /** Drops what was not read, releases a producer blocked for room, ends the reader's wait. Idempotent. */
    void close() {
        closed = true;
        queue.clear();
        room.release(CAPACITY);
        queue.offer(CLOSED);
        wakeReader();
    }
}
