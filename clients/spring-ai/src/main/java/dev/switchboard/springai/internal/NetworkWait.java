package dev.switchboard.springai.internal;

/**
 * Work deferred until the current thread is about to wait for the network: lets the thread that
 * reads a streamed body (openai-java's stream handler, through {@link SseEndGuard}) hand a burst of
 * answers to {@link FluxChatSource}'s reader with one wake-up instead of one per answer.
 *
 * <p>{@link SseEndGuard}'s source calls {@link #before()} before each read from the connection: at
 * that point every byte read so far was parsed and every answer in it delivered (the readers above it
 * read again only when their buffers are empty), so a deferred wake-up runs exactly when no more
 * answers can come without new bytes. At the end of the body, or when a read fails, {@link #leave()}
 * runs what is pending and stops deferring on this thread.
 *
 * <p>Per thread; no locking.
 */
final class NetworkWait {

    private static final ThreadLocal<NetworkWait> CURRENT = ThreadLocal.withInitial(NetworkWait::new);

    private boolean reading;
    private Runnable pending;

    private NetworkWait() {
    }

    /** About to read from the connection on this thread: runs the pending action; defers from now on. */
    static void before() {
        NetworkWait state = CURRENT.get();
        state.reading = true;
        state.runPending();
    }

    /** The body on this thread ended or failed: runs the pending action; defers no longer. */
    static void leave() {
        NetworkWait state = CURRENT.get();
        state.reading = false;
        state.runPending();
    }

    /**
     * Defers {@code action} until this thread next waits for the network, if it is reading a guarded
     * body; a different action pending is run first.
     *
     * @return false if this thread reads no guarded body (the caller must act now)
     */
    static boolean defer(Runnable action) {
        NetworkWait state = CURRENT.get();
        if (!state.reading) {
            return false;
        }
        if (state.pending != null && state.pending != action) {
            state.runPending();
        }
        state.pending = action;
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
