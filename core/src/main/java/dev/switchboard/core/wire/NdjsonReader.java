package dev.switchboard.core.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A pull reader of newline-delimited JSON (Ollama's native streaming format): one JSON value per
 * line, LF or CRLF, blank lines skipped, a last line without a newline still delivered. Not
 * thread-safe.
 *
 * <p>Ollama writes each object as {@code json.Marshal(obj) + "\n"}, with no blank lines, and
 * flushes after each line ({@code core/src/test/resources/reference/ollama-wire.md}, section 1);
 * the tolerance for CRLF, blank lines (spaces, tabs and CR only) and a missing final newline is for
 * other servers and proxies. The line is copied once into the returned array. The buffer starts at
 * 1 KiB, enough for a typical line, so a stream's setup allocates (and zeroes) little before its
 * first line; it doubles whenever a read fills it, up to 8 KiB for a fast stream, and beyond that
 * only to hold a longer line.
 */
public final class NdjsonReader implements Closeable {

    private static final int INITIAL_BUFFER = 1024;
    /** Reads that fill the buffer grow it up to this size; longer lines grow it further. */
    private static final int READ_BUFFER = 8192;

    private final InputStream in;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** Whether the last read filled all the room it was given. */
    private boolean lastReadFull;

    /** @param in the response body; closed by {@link #close()} */
    public NdjsonReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * Blocks for the next non-blank line.
     *
     * @return the line's bytes without the line ending, or null at end of input
     * @throws IOException from the underlying stream
     */
    public byte[] nextLine() throws IOException {
        int scanned = pos;
        while (true) {
            int nl = -1;
            byte[] b = buf;
            for (int i = scanned; i < limit; i++) {
                if (b[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int start;
            int end;
            if (nl >= 0) {
                start = pos;
                end = nl;
                pos = nl + 1;
            } else {
                int unscanned = limit - pos;
                if (fill()) {
                    scanned = pos + unscanned;
                    continue;
                }
                if (pos == limit) {
                    return null;
                }
                start = pos; // the last line, without a newline
                end = limit;
                pos = limit;
            }
            scanned = pos;
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(buf, start, end)) {
                return Arrays.copyOfRange(buf, start, end);
            }
        }
    }

    /** Closes the stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length || lastReadFull && buf.length < READ_BUFFER) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int room = buf.length - limit;
        int n = in.read(buf, limit, room);
        if (n < 0) {
            eof = true;
            return false;
        }
        lastReadFull = n == room;
        limit += n;
        return true;
    }
}
