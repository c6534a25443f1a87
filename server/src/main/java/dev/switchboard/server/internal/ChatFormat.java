package dev.switchboard.server.internal;

import java.util.List;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatResponse;

/**
 * How one chat answer is written on one wire: the frames of a stream and the body of a
 * non-streaming answer. One instance per response (it remembers the finish reason and usage until
 * the end). Every byte goes through core's wire layer.
 */
public interface ChatFormat {

    /** The streaming {@code Content-Type}. */
    String streamContentType();

    /** Frames sent before the first event's frames and not counted for faults ({@code /v1}'s role chunk). */
    List<byte[]> opening();

    /**
     * Called for every engine event as it arrives, streaming or not, before {@link #frames}; for
     * formats that time the answer (Ollama's durations). Does nothing by default.
     */
    default void eventArrived() {
    }

    /** The frames for one engine event; may be none (usage and finish are held for the end). */
    List<byte[]> frames(ChatEvent event);

    /** Counted frames after the last event, before the end marker ({@code /v1}: finish, then usage when asked). */
    List<byte[]> closing();

    /** The end marker: {@code data: [DONE]} on {@code /v1}, the {@code done:true} line natively. */
    byte[] endMarker();

    /** A frame that is not JSON, for {@link dev.switchboard.server.fault.Fault.MalformedChunk}. */
    byte[] malformedFrame();

    /**
     * The frame reporting an engine failure mid-stream.
     *
     * @param status  the engine's status ({@link dev.switchboard.server.engine.EngineException#status()}, else 500),
     *                written where the envelope has a place for it ({@code /v1}'s {@code error.code})
     * @param message the failure's message
     */
    byte[] errorFrame(int status, String message);

    /** The whole non-streaming body ({@code Content-Type: application/json; charset=utf-8}). */
    byte[] whole(ChatResponse response);
}
