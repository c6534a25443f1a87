package dev.switchboard.server;

/**
 * Counters of a {@link SwitchboardServer} since it started, read at one moment.
 *
 * @param requests          HTTP requests received, any route
 * @param openStreams       streaming responses currently being written
 * @param completedStreams  streaming responses written to their end marker
 * @param cancelledStreams  streaming responses whose client went away before the end (the server
 *                          saw the connection close and cancelled the engine)
 */
public record ServerStats(long requests, long openStreams, long completedStreams, long cancelledStreams) {
}
