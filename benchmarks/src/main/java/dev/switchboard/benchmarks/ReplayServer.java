package dev.switchboard.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP/1.1 server that answers every request with the same pre-built SSE body, as fast
 * as the socket takes it: no JSON, no engine, so a benchmark measures the client alone.
 *
 * <p>The headers and the first event go out in one write; {@link #lastFirstFlushNanos()} is the
 * {@link System#nanoTime()} taken just before that write, for first-delta latency.
 */
public final class ReplayServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "replay-server");
        t.setDaemon(true);
        return t;
    });
    private final byte[] head;
    private final byte[] rest;
    private volatile long lastFirstFlushNanos;

    /** Starts on 127.0.0.1 and a free port, serving {@code body}. */
    public ReplayServer(byte[] body) {
        int firstEventEnd = indexOf(body, "\n\n".getBytes(StandardCharsets.US_ASCII)) + 2;
        byte[] headers = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        head = new byte[headers.length + firstEventEnd];
        System.arraycopy(headers, 0, head, 0, headers.length);
        System.arraycopy(body, 0, head, headers.length, firstEventEnd);
        rest = new byte[body.length - firstEventEnd];
        System.arraycopy(body, firstEventEnd, rest, 0, rest.length);
        try {
            socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workers.execute(this::acceptLoop);
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
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (readRequest(in)) {
                lastFirstFlushNanos = System.nanoTime();
                out.write(head);
                out.flush();
                out.write(rest);
                out.flush();
            }
        } catch (IOException clientWentAway) {
            // the next connection is served as usual
        }
    }

    /** Reads one request (headers and a Content-Length body); false at end of input. */
    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int contentLength = 0;
        boolean any = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            any = true;
            if (c == '\n') {
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) {
                    break;
                }
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Integer.parseInt(lower.substring(15).trim());
                }
            } else {
                line.append((char) c);
            }
        }
        in.readNBytes(contentLength);
        return any;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no event end in body");
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
