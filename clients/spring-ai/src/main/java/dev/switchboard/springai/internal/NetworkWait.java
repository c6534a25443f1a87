package dev.switchboard.springai.internal;

/**
 * One stream's "about to wait for the network" signal: lets the thread that reads the stream's body
 * (openai-java's stream handler) hand a burst of answers to {@link FluxChatSource}'s reader with one
 * wake-up instead of one per answer.
 *
 * <p>One instance per stream, created with it and handed to both ends: to the stream's own
 * {@link StreamHttpClient}, whose response body calls {@link #before()} each time it is about to
 * read from the network (at that point every byte read so far was parsed and every answer in it
 * delivered) and {@link #leave()} at the end of the body or when a read fails; and to the stream's
 * {@link FluxChatSource}, which {@link #defer defers} its wake-up to the next {@link #before()}. No
 * state is shared between streams and none is kept per thread.
 *
 * <p>Threads: {@link #before()} records the reading thread; {@link #defer} defers only when called on
 * that thread while it reads (Spring AI delivers answers on it), so the pending action is only ever
 * touched by that one thread. From any other thread {@link #defer} answers false and
 * {@link #leave()} does nothing.
 */
public final class NetworkWait {

    /** The thread reading this stream's body, while it reads; null before and after. */
    private volatile Thread reader;
    /** Written and run only by {@link #reader}. */
    private Runnable pending;

    /** A signal for one stream, not yet reading. */
    public NetworkWait() {
    }

    /** The calling thread is about to read this stream's body from the network: runs the pending action. */
    void before() {
        reader = Thread.currentThread();
        runPending();
    }

    /** The body ended or failed on the calling thread: runs the pending action; defers no longer. No-op on another thread. */
    void leave() {
        if (reader == Thread.currentThread()) {
            reader = null;
            runPending();
        }
    }

    /**
     * Defers {@code action} until this stream's reading thread next waits for the network, if the
     * caller is that thread; a different action pending is run first.
     *
     * @param action what to run then, e.g. waking the consumer
     * @return false if the caller is not reading this stream's body (the caller must act now)
     */
    boolean defer(Runnable action) {
        if (reader != Thread.currentThread()) {
            return false;
        }
        if (pending != null && pending != action) {
            runPending();
        }
        pending = action;
        return true;
    }

    private void runPending() {
        Runnable action = pending;
        if (action != null) {
            pending = null;
            action.run();
        }
    }
}
