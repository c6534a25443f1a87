package dev.switchboard.server.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import dev.switchboard.server.SwitchboardServer;

/** Raw-socket clients for what an HTTP client will not do: send bad framing, stop sending, never read. */
final class Sockets {

    /** What came back on one connection: the bytes read, and whether the server closed it or left it hanging. */
    record Reply(String text, boolean closed, boolean hung, boolean sendFailed) {
        Reply(String text, boolean closed, boolean hung) {
            this(text, closed, hung, false);
        }

        Reply withSendFailed() {
            return new Reply(text, closed, hung, true);
        }

        /** The status code of the first status line, or -1 when none arrived. */
        int status() {
            if (!text.startsWith("HTTP/1.1 ")) {
                return -1;
            }
            return Integer.parseInt(text.substring(9, 12));
        }
    }

    private Sockets() {
    }

    static Socket connect(SwitchboardServer server) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code request} as ISO-8859-1 bytes and reads until the server closes, for at most
     * {@code waitMillis}. A server that answers and closes before the whole request is sent (broken
     * framing, say) makes the send fail: the reply says so, with whatever was read.
     */
    static Reply exchange(SwitchboardServer server, String request, int waitMillis) {
        try (Socket socket = connect(server)) {
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException closedWhileSending) {
                return readUntilClosed(socket, waitMillis).withSendFailed();
            }
            return readUntilClosed(socket, waitMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads until the server closes the connection or {@code waitMillis} pass; a reset counts as
     * closed.
     */
    static Reply readUntilClosed(Socket socket, int waitMillis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[65_536];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return new Reply(out.toString(StandardCharsets.ISO_8859_1), false, true);
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return new Reply(out.toString(StandardCharsets.ISO_8859_1), false, true);
            } catch (IOException reset) {
                return new Reply(out.toString(StandardCharsets.ISO_8859_1), true, false);
            }
            if (n < 0) {
                return new Reply(out.toString(StandardCharsets.ISO_8859_1), true, false);
            }
            out.write(buffer, 0, n);
        }
    }
}
