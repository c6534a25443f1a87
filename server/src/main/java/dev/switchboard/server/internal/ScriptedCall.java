package dev.switchboard.server.internal;

import java.util.Iterator;
import java.util.function.Supplier;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.PausableEngineCall;

/**
 * One scripted answer being played to a sink on a shared scheduler: no thread of its own. Each
 * step may be preceded by the chunk delay; steps without it follow at once. All sink calls happen
 * under this call's lock, so after {@link #cancel()} returns the sink is called no more.
 */
public final class ScriptedCall implements PausableEngineCall, Runnable {

    /**
     * One event to play.
     *
     * @param event   the event
     * @param delayed whether the chunk delay comes before it
     */
    public record Step(ChatEvent event, boolean delayed) {
    }

    private final Supplier<Iterator<Step>> answer;
    private Iterator<Step> steps;
    private Step pendingStep;
    private final EngineSink sink;
    private final ScheduledExecutorService scheduler;
    private final long delayNanos;

    /** Steps played per turn on the scheduler, so a long answer never holds the lock for long. */
    private static final int BATCH = 64;

    private boolean delayServed;
    private boolean scheduled;
    private volatile boolean paused;
    private boolean finished;

    /**
     * @param answer     makes the events in order, the last a {@link ChatEvent.Finish}; called once, on
     *                   the scheduler (the rules' work never runs on the caller's thread), and read one
     *                   step at a time as they are played
     * @param delayNanos the chunk delay; 0 for none
     */
    public ScriptedCall(Supplier<Iterator<Step>> answer, EngineSink sink, ScheduledExecutorService scheduler,
            long delayNanos) {
        this.answer = answer;
        this.sink = sink;
        this.scheduler = scheduler;
        this.delayNanos = delayNanos;
    }

    /** Starts playing on the scheduler; returns at once. */
    public synchronized void start() {
        scheduled = true;
        submit(0);
    }

    @Override
    public void run() {
        if (steps == null) { // only this call's one scheduled run reaches here; outside the lock so cancel() never waits on it
            synchronized (this) {
                if (finished) {
                    scheduled = false;
                    return;
                }
            }
            Iterator<Step> made;
            try {
                made = answer.get();
            } catch (RuntimeException e) {
                synchronized (this) {
                    scheduled = false;
                    if (!finished) {
                        finished = true;
                        safelyFail(e);
                    }
                }
                return;
            }
            synchronized (this) {
                steps = made;
            }
        }
        play();
    }

    private synchronized void play() {
        scheduled = false;
        int played = 0;
        while (!finished && !paused) {
            if (played++ == BATCH) {
                scheduled = true;
                submit(0);
                return;
            }
            if (pendingStep == null && !steps.hasNext()) {
                finished = true;
                safely(null);
                return;
            }
            Step step = pendingStep != null ? pendingStep : steps.next();
            pendingStep = step;
            if (step.delayed() && delayNanos > 0 && !delayServed) {
                delayServed = true;
                scheduled = true;
                submit(delayNanos);
                return;
            }
            delayServed = false;
            pendingStep = null;
            safely(step.event());
        }
    }

    private void safely(ChatEvent event) {
        try {
            if (event == null) {
                sink.onComplete();
            } else {
                sink.onEvent(event);
            }
        } catch (RuntimeException sinkFailed) {
            finished = true; // a sink that throws gets nothing more
        }
    }

    private void safelyFail(Throwable e) {
        try {
            sink.onError(e);
        } catch (RuntimeException ignored) {
            // the sink's own failure changes nothing here
        }
    }

    private void submit(long nanos) {
        try {
            if (nanos == 0) {
                scheduler.execute(this);
            } else {
                scheduler.schedule(this, nanos, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException closed) {
            scheduled = false;
            if (!finished) {
                finished = true;
                try {
                    sink.onError(new EngineException(503, "the scripted engine is closed"));
                } catch (RuntimeException ignored) {
                    // the sink's own failure changes nothing here
                }
            }
        }
    }

    @Override
    public synchronized void cancel() {
        finished = true;
    }

    @Override
    public void pause() {
        paused = true; // volatile: no lock, so the server's event loop never waits on a playing call
    }

    @Override
    public synchronized void resume() {
        if (paused) {
            paused = false;
            if (!scheduled && !finished) {
                scheduled = true;
                submit(0);
            }
        }
    }
}
