package dev.switchboard.core.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pull reader of server-sent events over an {@link InputStream}, per the WHATWG spec: lines end
 * in CR, LF or CRLF; lines starting with {@code :} are comments; {@code data:} with or without
 * one space; several {@code data:} lines join with {@code \n}; an event ends at an empty line; an
 * event without data is skipped; a last event not followed by an empty line is still delivered
 * at end of input. Not thread-safe.
 *
 * <p>Details, each with its source:
 * <ul>
 *   <li>An event with a {@code data:} line whose value is empty <em>is</em> delivered, as empty
 *       bytes: the spec appends the value plus LF to the data buffer, so the buffer is not empty.
 *       An event with no {@code data:} line at all (only {@code event:}, {@code id:} or comments) is
 *       not delivered.</li>
 *   <li>{@code id:} and {@code retry:} are read and ignored (no reconnection here); unknown fields
 *       are ignored; a line without a colon is a field with an empty value.</li>
 *   <li>A UTF-8 byte order mark at the start of the stream is skipped.</li>
 *   <li>{@code data: [DONE]} (OpenAI's end marker, e.g.
 *       {@code core/src/test/resources/reference/llama-server-transcripts/05-chat-stream.txt}) is
 *       ordinary data.</li>
 *   <li>The spec discards an unterminated last event at end of input; this reader delivers it,
 *       since a server that closes right after its last {@code data:} line meant it.</li>
 * </ul>
 *
 * <p>It works on bytes: one buffer, no per-line strings, and the data of a one-line event is copied
 * once, straight from the buffer into the returned array. The buffer starts at 1 KiB, enough for a
 * typical first event, so a stream's setup allocates (and zeroes) little before its first event;
 * it doubles whenever a read fills it, up to 8 KiB for a fast stream, and beyond that only to hold
 * a longer line.
 */
public final class SseReader implements Closeable {

    private static final int INITIAL_BUFFER = 1024;
    /** Reads that fill the buffer grow it up to this size; longer lines grow it further. */
    private static final int READ_BUFFER = 8192;
    private static final byte[] LF = {'\n'};
    private static final byte[] EMPTY = {};

    private final InputStream in;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** Whether the last read filled all the room it was given. */
    private boolean lastReadFull;
    private boolean bomChecked;
    private boolean skipLf;
    /** Bytes before this index (when at or after {@link #pos}) hold no line ending. */
    private int scanned;

    /** Data lines of the event being read. */
    private int dataLines;
    /** The value of the first data line, in {@link #buf}, while it is the only one. */
    private int firstStart;
    private int firstLen;
    /** Data of a multi-line event, joined with LF. */
    private byte[] multi = EMPTY;
    private int multiLen;

    private String eventName;
    private String lastEventName;

    /**
     * @param in the response body; read in blocks, closed by {@link #close()}
     */
    public SseReader(InputStream in) {
        this.in = java.util.Objects.requireNonNull(in, "in");
    }

    /**
     * Blocks for the next event that has data.
     *
     * @return its data as UTF-8 bytes (without the field names and final newline), or null at end
     *         of input
     * @throws IOException from the underlying stream
     */
    public byte[] nextData() throws IOException {
        if (!bomChecked) {
            skipBom();
        }
        while (true) {
            if (skipLf) {
                if (pos == limit && !fill()) {
                    return endOfInput();
                }
                if (buf[pos] == '\n') {
                    pos++;
                }
                skipLf = false;
            }
            int end = findLineEnd();
            if (end < 0) {
                if (!fill()) {
                    if (pos < limit) {
                        processLine(pos, limit - pos); // a last line without a line ending
                        pos = limit;
                    }
                    return endOfInput();
                }
                continue;
            }
            int start = pos;
            int len = end - start;
            if (buf[end] == '\r') {
                if (end + 1 < limit) {
                    pos = buf[end + 1] == '\n' ? end + 2 : end + 1;
                } else {
                    pos = end + 1;
                    skipLf = true; // a CRLF may be split across two reads
                }
            } else {
                pos = end + 1;
            }
            if (len == 0) {
                byte[] data = dispatch();
                if (data != null) {
                    return data;
                }
            } else {
                processLine(start, len);
            }
        }
    }

    /** The {@code event:} field of the event last returned by {@link #nextData()}, or null. */
    public String lastEventName() {
        return lastEventName;
    }

    /** Closes the stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private byte[] endOfInput() {
        byte[] data = dispatch();
        if (data == null) {
            lastEventName = null;
        }
        return data;
    }

    private int findLineEnd() {
        byte[] b = buf;
        for (int i = Math.max(pos, scanned), n = limit; i < n; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        scanned = limit; // a long line arriving in pieces is scanned once
        return -1;
    }

    private void processLine(int start, int len) {
        byte[] b = buf;
        if (b[start] == ':') {
            return; // a comment
        }
        if (len >= 4 && b[start] == 'd' && b[start + 1] == 'a' && b[start + 2] == 't' && b[start + 3] == 'a'
                && (len == 4 || b[start + 4] == ':')) {
            int vs = start + 5;
            if (len == 4) {
                vs = start + 4;
            } else if (len > 5 && b[vs] == ' ') {
                vs++;
            }
            addData(vs, start + len - vs);
        } else if (len >= 5 && b[start] == 'e' && b[start + 1] == 'v' && b[start + 2] == 'e'
                && b[start + 3] == 'n' && b[start + 4] == 't' && (len == 5 || b[start + 5] == ':')) {
            int vs = Math.min(start + 6, start + len);
            if (vs < start + len && b[vs] == ' ') {
                vs++;
            }
            eventName = new String(b, vs, start + len - vs, StandardCharsets.UTF_8);
        }
        // id:, retry: and unknown fields are ignored
    }

    private void addData(int start, int len) {
        if (dataLines == 0) {
            firstStart = start;
            firstLen = len;
        } else {
            if (dataLines == 1) {
                multiLen = 0;
                append(buf, firstStart, firstLen);
            }
            append(LF, 0, 1);
            append(buf, start, len);
        }
        dataLines++;
    }

    private void append(byte[] src, int off, int len) {
        if (multiLen + len > multi.length) {
            multi = Arrays.copyOf(multi, Math.max(multi.length * 2, multiLen + len + 64));
        }
        System.arraycopy(src, off, multi, multiLen, len);
        multiLen += len;
    }

    /** Ends the current event: its data, or null when it had no data line. */
    private byte[] dispatch() {
        byte[] data = null;
        if (dataLines == 1) {
            data = Arrays.copyOfRange(buf, firstStart, firstStart + firstLen);
        } else if (dataLines > 1) {
            data = Arrays.copyOf(multi, multiLen);
        }
        if (data != null) {
            lastEventName = eventName;
        }
        dataLines = 0;
        eventName = null;
        return data;
    }

    /** Reads more input, keeping the unread bytes and a pending one-line event's data. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keepFrom = dataLines == 1 ? Math.min(firstStart, pos) : pos;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            limit -= keepFrom;
            pos -= keepFrom;
            firstStart -= keepFrom;
            scanned -= keepFrom;
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

    private void skipBom() throws IOException {
        while (limit - pos < 3 && fill()) {
            if (limit > pos && buf[pos] != (byte) 0xEF || (limit - pos > 1 && buf[pos + 1] != (byte) 0xBB)) {
                break;
            }
        }
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
        bomChecked = true;
    }
}
