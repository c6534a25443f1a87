package dev.switchboard.core.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pull reader of newline-delimited JSON (Ollama's native streaming format): one JSON value per
 * line, LF or CRLF, blank lines skipped, a last line without a newline still delivered. Not
 * thread-safe.
 */
public final class NdjsonReader implements Closeable {

    /** @param in the response body; closed by {@link #close()} */
    public NdjsonReader(InputStream in) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Blocks for the next non-blank line.
     *
     * @return the line's bytes without the line ending, or null at end of input
     * @throws IOException from the underlying stream
     */
    public byte[] nextLine() throws IOException {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Closes the stream. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("not yet written");
    }
}
