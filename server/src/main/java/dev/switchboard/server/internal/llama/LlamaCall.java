package dev.switchboard.server.internal.llama;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.PausableEngineCall;

/**
 * One chat answer of the llama.cpp engine: the sink guarded so that nothing reaches it after
 * {@link #cancel()} has returned, and a pause the generating thread waits on.
 */
public final class LlamaCall implements PausableEngineCall {

    private final EngineSink sink;
    private boolean cancelled;
    private boolean paused;
    private boolean ended;

    /** @param sink where the answer goes */
    public LlamaCall(EngineSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    @Override
    public synchronized void pause() {
        paused = true;
    }

    @Override
    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Whether the call was cancelled (the generating thread then stops). */
    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Waits while paused; returns false if cancelled meanwhile or interrupted. */
    public synchronized boolean awaitResumed() {
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !cancelled;
    }

    /** Hands {@code event} to the sink unless cancelled or ended; returns whether it did. */
    public synchronized boolean emit(ChatEvent event) {
        if (cancelled || ended) {
            return false;
        }
        sink.onEvent(event);
        return true;
    }

    /** Completes the answer, unless cancelled or ended. */
    public synchronized void complete() {
        if (!cancelled && !ended) {
            ended = true;
            sink.onComplete();
        }
    }

    /** Fails the answer, unless cancelled or ended. */
    public synchronized void fail(Throwable error) {
        if (!cancelled && !ended) {
            ended = true;
            sink.onError(error);
        }
    }
}
