package dev.switchboard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baseline every style is compared with: a bare socket, lines split by hand in a 64 KiB buffer,
 * and Jackson {@code readTree} of each {@code data:} line, reading {@code choices[0].delta.content}.
 * No HTTP library, no SSE spec handling, no error handling: the floor a real client cannot beat by much.
 */
public final class BaselineReader implements StreamReader {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper = new ObjectMapper();
    private final int port;
    private final byte[] request;

    /** Reads from the replay server on {@code port}. */
    public BaselineReader(int port) {
        this.port = port;
        String body = "{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
        this.request = ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public long read(FirstDelta firstDelta) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[65536];
            int start = 0;
            int end = 0;
            boolean inBody = false;
            long deltas = 0;
            while (true) {
                int nl = -1;
                for (int i = start; i < end; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl < 0) {
                    if (start > 0) {
                        System.arraycopy(buf, start, buf, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    int n = in.read(buf, end, buf.length - end);
                    if (n < 0) {
                        return deltas;
                    }
                    end += n;
                    continue;
                }
                int lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
                int len = lineEnd - start;
                if (!inBody) {
                    inBody = len == 0;
                } else if (startsWith(buf, start, len, DONE)) {
                    return deltas;
                } else if (startsWith(buf, start, len, DATA)) {
                    JsonNode chunk = mapper.readTree(buf, start + DATA.length, len - DATA.length);
                    JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                    if (content.isTextual()) {
                        if (deltas == 0) {
                            firstDelta.at(System.nanoTime());
                        }
                        deltas++;
                    }
                }
                start = nl + 1;
            }
        }
    }

    private static boolean startsWith(byte[] buf, int off, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
    }
}
