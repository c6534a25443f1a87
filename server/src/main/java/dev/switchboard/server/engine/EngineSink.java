package dev.switchboard.server.engine;

import dev.switchboard.core.ChatEvent;

/**
 * Receives one answer from an {@link Engine}. Calls are serialised by the engine (never two at
 * once) but may come from any thread. After {@link #onComplete()} or {@link #onError} nothing more
 * may be called.
 */
public interface EngineSink {

    /** The next event of the answer: text, reasoning, a complete tool call, usage, or the finish. */
    void onEvent(ChatEvent event);

    /** The answer is complete; it must have included a {@link ChatEvent.Finish}. */
    void onComplete();

    /**
     * The engine failed after starting. Before any event reached the client, the server answers
     * with the status of an {@link EngineException} (else 500) in the route's error envelope; once
     * a stream has begun, with an error frame and no end marker.
     */
    void onError(Throwable error);
}
