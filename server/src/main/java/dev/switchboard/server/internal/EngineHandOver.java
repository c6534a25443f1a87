package dev.switchboard.server.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.vertx.core.Context;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.PausableEngineCall;

/**
 * The engine's side of one {@link ChatExchange}: what the engine's sink hands over, from any
 * thread, is queued and taken on the connection's event loop, in order and in batches, by the
 * exchange's callbacks; and back-pressure pauses and resumes a {@link PausableEngineCall}. One task
 * takes all that is there, so events arriving together are written together (one write, one flush)
 * instead of one task and one flush each: after each batch the exchange's {@code batchEnded} runs.
 */
final class EngineHandOver {

    /** Waiting frames or events above which a pausable engine is paused. */
    static final int HIGH_WATER = 64;
    /** Waiting frames and events at or below which a paused engine is resumed. */
    static final int LOW_WATER = 8;
    private static final Object COMPLETE = new Object();
    /** The most one task takes before giving the event loop back (it schedules itself again). */
    private static final int DRAIN_BATCH = 256;

    private final Context context;
    private final Consumer<ChatEvent> onEvent;
    private final Runnable onComplete;
    private final Consumer<Throwable> onError;
    private final Runnable batchEnded;
    /** Events handed over by the engine and not yet taken by the event loop; any thread. */
    private final AtomicInteger inflight = new AtomicInteger();
    /**
     * What the engine handed over, in order, for the event loop to take: events, then
     * {@link #COMPLETE} or a {@link Throwable}.
     */
    private final ConcurrentLinkedQueue<Object> arrived = new ConcurrentLinkedQueue<>();
    /** Whether a task to take {@link #arrived} is scheduled and has not started taking yet. */
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Whether the event loop is taking a batch: the pump holds its writes until the batch ends. */
    private boolean batching;
    /** Set once the engine has been paused (after {@code pause()} returned), cleared before resuming. */
    private volatile boolean enginePaused;
    private volatile EngineCall call;

    /**
     * @param context    the connection's context, whose event loop takes what arrives
     * @param onEvent    takes one event, on the event loop
     * @param onComplete takes the engine's completion, on the event loop
     * @param onError    takes the engine's failure, on the event loop
     * @param batchEnded runs on the event loop after each batch taken
     */
    EngineHandOver(Context context, Consumer<ChatEvent> onEvent, Runnable onComplete, Consumer<Throwable> onError,
            Runnable batchEnded) {
        this.context = context;
        this.onEvent = onEvent;
        this.onComplete = onComplete;
        this.onError = onError;
        this.batchEnded = batchEnded;
    }

    /** Any thread: hands an event over; more than {@value #HIGH_WATER} waiting pauses the engine first. */
    void event(ChatEvent event) {
        if (inflight.incrementAndGet() > HIGH_WATER) {
            pauseEngine(); // before handing the event over, so the loop sees the pause when it takes it
        }
        handOver(event);
    }

    /** Any thread: hands the engine's completion over, after the events before it. */
    void complete() {
        handOver(COMPLETE);
    }

    /** Any thread: hands the engine's failure over, after the events before it. */
    void error(Throwable error) {
        handOver(error);
    }

    /**
     * The engine's worker thread, as soon as {@code chat()} returned: records the call (so that
     * back-pressure can pause it before the loop hears of it) and applies a pause that events which
     * came before the call was known asked for.
     */
    void callStarted(EngineCall started) {
        call = started;
        if (inflight.get() > HIGH_WATER) {
            pauseEngine();
        }
    }

    /** The engine's call, or null until {@code chat()} has returned. */
    EngineCall call() {
        return call;
    }

    /** On the event loop: whether a batch is being taken (the pump holds its writes until it ends). */
    boolean batching() {
        return batching;
    }

    /**
     * Back-pressure: more than {@value #HIGH_WATER} frames waiting pauses a
     * {@link PausableEngineCall}; {@value #LOW_WATER} or fewer frames and events waiting resumes it.
     *
     * @param queued frames waiting to be written
     */
    void progressed(int queued) {
        if (queued > HIGH_WATER) {
            pauseEngine();
        } else if (enginePaused && queued <= LOW_WATER && inflight.get() <= LOW_WATER) {
            enginePaused = false;
            EngineCall c = call;
            if (c instanceof PausableEngineCall) {
                ((PausableEngineCall) c).resume();
            }
        }
    }

    private void handOver(Object item) {
        arrived.add(item);
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /** On the event loop: takes what arrived, up to {@value #DRAIN_BATCH} items, then ends the batch. */
    private void drain() {
        drainScheduled.set(false); // before taking: an item added from now on schedules another task
        Object item = arrived.poll();
        if (item == null) {
            return;
        }
        batching = true;
        try {
            int taken = 0;
            do {
                if (item instanceof ChatEvent) {
                    inflight.decrementAndGet();
                    onEvent.accept((ChatEvent) item);
                } else if (item == COMPLETE) {
                    onComplete.run();
                } else {
                    onError.accept((Throwable) item);
                }
            } while (++taken < DRAIN_BATCH && (item = arrived.poll()) != null);
        } finally {
            batching = false;
        }
        batchEnded.run(); // writes what the batch queued, as one write where it can
        if (!arrived.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /** Any thread. Pausing is idempotent, so racing callers are harmless; the flag is set after. */
    private void pauseEngine() {
        EngineCall c = call;
        if (c instanceof PausableEngineCall && !enginePaused) {
            ((PausableEngineCall) c).pause();
            enginePaused = true;
        }
    }
}
