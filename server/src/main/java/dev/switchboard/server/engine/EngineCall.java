package dev.switchboard.server.engine;

/** A running answer, which the server cancels when the client disconnects. */
public interface EngineCall {

    /** Stops generating; idempotent; afterwards the engine calls the sink no more. Never throws. */
    void cancel();
}
