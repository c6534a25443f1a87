package dev.switchboard.server.engine;

/** A running answer, which the server cancels when the client disconnects. */
public interface EngineCall {

    /**
     * Stops generating; idempotent; once it has returned the engine calls the sink no more. Never
     * throws. The server calls it from an event-loop thread, so it must not block for long, when
     * the client closes the connection, when the server closes, and whenever an exchange ends,
     * including after the answer completed (then it has nothing to do).
     */
    void cancel();
}
