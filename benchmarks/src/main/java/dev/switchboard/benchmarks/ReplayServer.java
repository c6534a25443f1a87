package dev.switchboard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback HTTP/1.1 server that answers every request with the same pre-built SSE body, as fast
 * as the socket takes it: no JSON, no engine, so a benchmark measures the client alone.
 *
 * <p>Requests are read in blocks and skipped (headers, then a {@code Content-Length} body), at a
 * cost that barely grows with their size, so the readers' different request headers and bodies do
 * not change how soon the answer goes out.
 *
 * <p>In both {@link Framing}s the status line, the headers and the first event go out in one write;
 * {@link #lastFirstFlushNanos()} is the {@link System#nanoTime()} taken just before that write, for
 * first-delta latency. What follows differs: see {@link Framing}.
 */
public final class ReplayServer implements AutoCloseable {

    /** How the body is framed and written after the first write. */
    public enum Framing {
        /**
         * {@code Content-Length}; the rest of the body in a second write: the fastest a client can be
         * fed, for decode throughput.
         */
        CONTENT_LENGTH,
        /**
         * As Ollama writes a {@code /v1/chat/completions} stream: events {@code data: <json>\n\n},
         * a flush after each ({@code core/src/test/resources/reference/ollama-wire.md} section 1).
         * Go's {@code net/http} sends a response flushed before its end with
         * {@code Transfer-Encoding: chunked} and no {@code Content-Length}, buffering the headers
         * until the first flush; so: one chunk per event and one write per flush, the first write
         * carrying the status line, the headers ({@code Content-Type}, {@code Date},
         * {@code Transfer-Encoding}) and the first event's chunk, each later event a write of its
         * own, the last write {@code 0\r\n\r\n}. As a model's second token comes later, the server
         * waits {@value ReplayServer#NEXT_TOKEN_MILLIS} ms after the first write (the rest follow at
         * once): so the first delta is measured without the server's later writes competing with the
         * client for the CPU.
         */
        OLLAMA_CHUNKED
    }

    /** With {@link Framing#OLLAMA_CHUNKED}, the pause after the first write, in milliseconds. */
    public static final int NEXT_TOKEN_MILLIS = 1;

    private static final byte[] CRLF = {'\r', '\n'};

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "replay-server");
        t.setDaemon(true);
        return t;
    });
    /** The writes of one response, in order; the first holds the status line, headers and first event. */
    private final byte[][] writes;
    private final long pauseAfterFirstWriteNanos;
    private volatile long lastFirstFlushNanos;

    /** Starts on 127.0.0.1 and a free port, serving {@code body} with {@link Framing#CONTENT_LENGTH}. */
    public ReplayServer(byte[] body) {
        this(body, Framing.CONTENT_LENGTH);
    }

    /**
     * Starts on 127.0.0.1 and a free port, serving {@code body} (SSE events, each ending in a blank
     * line {@code \n\n}) framed as {@code framing} says.
     *
     * @throws IllegalArgumentException if {@code body} holds no {@code \n\n}
     */
    public ReplayServer(byte[] body, Framing framing) {
        writes = framing == Framing.CONTENT_LENGTH ? contentLength(body) : ollamaChunked(body);
        pauseAfterFirstWriteNanos = framing == Framing.CONTENT_LENGTH ? 0 : NEXT_TOKEN_MILLIS * 1_000_000L;
        try {
            socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workers.execute(this::acceptLoop);
    }

    private static byte[][] contentLength(byte[] body) {
        int firstEventEnd = indexOf(body, 0) + 2;
        byte[] headers = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                + body.length + "\r\n\r\n");
        return new byte[][] {concat(headers, body, 0, firstEventEnd),
            Arrays.copyOfRange(body, firstEventEnd, body.length)};
    }

    private static byte[][] ollamaChunked(byte[] body) {
        List<byte[]> out = new ArrayList<>();
        byte[] pending = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                + "Date: Wed, 02 Dec 2026 05:00:00 GMT\r\nTransfer-Encoding: chunked\r\n\r\n");
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, start) + 2;
            byte[] size = ascii(Integer.toHexString(end - start) + "\r\n");
            byte[] chunk = concat(concat(size, body, start, end), CRLF, 0, CRLF.length);
            out.add(pending == null ? chunk : concat(pending, chunk, 0, chunk.length));
            pending = null;
            start = end;
        }
        out.add(ascii("0\r\n\r\n"));
        return out.toArray(new byte[0][]);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code a} followed by {@code b[from, to)}. */
    private static byte[] concat(byte[] a, byte[] b, int from, int to) {
        byte[] r = Arrays.copyOf(a, a.length + to - from);
        System.arraycopy(b, from, r, a.length, to - from);
        return r;
    }

    /** The port. */
    public int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:port/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** {@link System#nanoTime()} just before the latest response's first write (headers + first event). */
    public long lastFirstFlushNanos() {
        return lastFirstFlushNanos;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            RequestReader requests = new RequestReader(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (requests.next()) {
                lastFirstFlushNanos = System.nanoTime();
                for (int i = 0; i < writes.length; i++) {
                    out.write(writes[i]); // the socket's stream is unbuffered: one write(2) each
                    if (i == 0 && pauseAfterFirstWriteNanos > 0) {
                        LockSupport.parkNanos(pauseAfterFirstWriteNanos);
                    }
                }
                out.flush();
            }
        } catch (IOException clientWentAway) {
            // the next connection is served as usual
        }
    }

    /**
     * Reads requests off one connection in blocks, as a real server does, and skips them: the
     * headers up to the empty line, then a {@code Content-Length} body. Its cost barely depends on
     * a request's size, so a reader that sends more headers or a longer body (an
     * {@code Authorization} header, {@code stream_options}) is not kept waiting longer for the
     * answer by this server's parsing. Lines end in LF or CRLF.
     */
    private static final class RequestReader {
        private static final byte[] CONTENT_LENGTH = ascii("content-length:");

        private final InputStream in;
        private byte[] buf = new byte[16 * 1024];
        private int pos;
        private int limit;

        RequestReader(InputStream in) {
            this.in = in;
        }

        /** Reads one request (headers and a Content-Length body); false at end of input. */
        boolean next() throws IOException {
            long contentLength = 0;
            while (true) {
                int nl = indexOfLf();
                while (nl < 0) {
                    if (!fill()) {
                        return false;
                    }
                    nl = indexOfLf();
                }
                int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                if (end == pos) {
                    pos = nl + 1;
                    break;
                }
                if (startsWithIgnoreCase(pos, end, CONTENT_LENGTH)) {
                    contentLength = Long.parseLong(new String(buf, pos + CONTENT_LENGTH.length,
                            end - pos - CONTENT_LENGTH.length, StandardCharsets.US_ASCII).trim());
                }
                pos = nl + 1;
            }
            while (contentLength > 0) {
                if (pos == limit && !fill()) {
                    return false;
                }
                int n = (int) Math.min(contentLength, limit - pos);
                pos += n;
                contentLength -= n;
            }
            return true;
        }

        private int indexOfLf() {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private boolean startsWithIgnoreCase(int from, int to, byte[] lowerPrefix) {
            if (to - from < lowerPrefix.length) {
                return false;
            }
            for (int i = 0; i < lowerPrefix.length; i++) {
                int c = buf[from + i];
                if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerPrefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Moves the unread bytes to the front and reads more; false at end of input. */
        private boolean fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a header line longer than the buffer
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                return false;
            }
            limit += n;
            return true;
        }
    }

    /** The index of the next {@code \n\n} at or after {@code from}. */
    private static int indexOf(byte[] body, int from) {
        for (int i = from; i < body.length - 1; i++) {
            if (body[i] == '\n' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("no event end (\\n\\n) after byte " + from);
    }

    /** Stops accepting and closes connections. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdownNow();
    }
}
