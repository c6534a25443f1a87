package dev.switchboard.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.1 client over a socket, for what {@link java.net.http.HttpClient} hides: the
 * chunks of a chunked body (one per server write), a connection cut without the terminating
 * chunk, and reads that wait.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects to the server and sends a POST with a JSON body; reads time out after 10 s. */
    static RawHttp post(SwitchboardServer server, String path, String body) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(10_000);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return new RawHttp(socket);
    }

    /** Sets how long one read may wait. */
    void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** The status line and headers, without the blank line. */
    String head() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the head: " + out);
            }
            out.write(b);
            String s = out.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s.substring(0, s.length() - 4);
            }
        }
    }

    /**
     * The next chunk of a chunked body; null for the terminating zero-length chunk.
     *
     * @throws EOFException if the connection closes before the chunk (or the terminating chunk)
     */
    byte[] chunk() throws IOException {
        String sizeLine = line();
        int size = Integer.parseInt(sizeLine.trim(), 16);
        byte[] data = in.readNBytes(size);
        if (data.length < size) {
            throw new EOFException("connection closed inside a chunk");
        }
        line(); // CRLF after the data
        if (size == 0) {
            return null;
        }
        return data;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed before a chunk");
            }
            if (b == '\n') {
                return out.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
            }
            out.write(b);
        }
    }

    /** Closes the socket, as a client that goes away. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
