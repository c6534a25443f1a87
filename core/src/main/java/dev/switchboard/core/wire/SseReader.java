package dev.switchboard.core.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pull reader of server-sent events over an {@link InputStream}, per the WHATWG spec: lines end
 * in CR, LF or CRLF; lines starting with {@code :} are comments; {@code data:} with or without
 * one space; several {@code data:} lines join with {@code \n}; an event ends at an empty line; an
 * event without data is skipped; a last event not followed by an empty line is still delivered
 * at end of input. Not thread-safe.
 */
public final class SseReader implements Closeable {

    /**
     * @param in the response body; read in blocks, closed by {@link #close()}
     */
    public SseReader(InputStream in) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Blocks for the next event that has data.
     *
     * @return its data as UTF-8 bytes (without the field names and final newline), or null at end
     *         of input
     * @throws IOException from the underlying stream
     */
    public byte[] nextData() throws IOException {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The {@code event:} field of the event last returned by {@link #nextData()}, or null. */
    public String lastEventName() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Closes the stream. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("not yet written");
    }
}
