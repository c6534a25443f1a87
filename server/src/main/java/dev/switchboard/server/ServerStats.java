package dev.switchboard.server;

/**
 * Counters of a {@link SwitchboardServer} since it started, read at one moment.
 *
 * <p>Only streaming responses count as streams (chat, text completions, RAG and audio); a
 * non-streaming request counts only in {@code requests}. A stream the engine refuses before any output, one ended by an engine error
 * frame and one cut by {@link dev.switchboard.server.fault.Fault.DropConnection} are counted
 * neither completed nor cancelled. The counters move on the server's event loops, so a client may
 * see its connection close a moment before {@code cancelledStreams} changes.
 *
 * @param requests          HTTP requests received, any route, including 4xx answers
 * @param openStreams       streaming responses whose engine call has started and that have not yet
 *                          ended (a {@link dev.switchboard.server.fault.Fault.StallBeforeFirstByte}
 *                          opens one only after its stall; a {@link dev.switchboard.server.fault.Fault.Status}
 *                          never opens one); zero after a test means no response was left open
 * @param completedStreams  streaming responses written to their end: the end marker, or the end of
 *                          the body under {@link dev.switchboard.server.fault.Fault.NoDoneMarker}
 * @param cancelledStreams  streaming responses whose client went away before the end (the server
 *                          saw the connection close and cancelled the engine)
 */
public record ServerStats(long requests, long openStreams, long completedStreams, long cancelledStreams) {
}
