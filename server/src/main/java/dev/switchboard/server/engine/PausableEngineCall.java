package dev.switchboard.server.engine;

/**
 * An {@link EngineCall} whose producer can be held back: the server pauses it while a slow client's
 * writes are queued up (Vert.x {@code writeQueueFull}) and resumes it when they drain, so a slow
 * reader never makes the server buffer an answer without bound. An engine that cannot pause
 * returns a plain {@link EngineCall}; the server then buffers what the engine produces.
 */
public interface PausableEngineCall extends EngineCall {

    /** Stops calling the sink until {@link #resume()}; idempotent; never throws. */
    void pause();

    /** Goes on calling the sink after {@link #pause()}; idempotent; never throws. */
    void resume();
}
