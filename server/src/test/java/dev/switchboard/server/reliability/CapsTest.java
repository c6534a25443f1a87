package dev.switchboard.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.server.ServerLimits;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/** Issue 16, finding 1: past the connection or chat cap a client gets 503 with Retry-After, and the server still serves. */
@Timeout(60)
class CapsTest {

    @Test
    void aConnectionPastTheCapIsAnswered503WithRetryAfter() throws Exception {
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .limits(ServerLimits.builder().maxConnections(2).retryAfter(Duration.ofSeconds(3)).build()).start();
             Socket first = Sockets.connect(server);
             Socket second = Sockets.connect(server)) {
            served(first); // the server has counted both connections (each event loop hears its own)
            served(second);
            Sockets.Reply third = Sockets.exchange(server, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);

            assertThat(third.status()).isEqualTo(503);
            assertThat(third.text()).contains("Retry-After: 3").contains("too many connections");
            assertThat(third.closed()).as("the connection past the cap is closed").isTrue();
            first.close();
            second.close();
            Thread.sleep(200); // the server hears the two closes on its event loops
            assertThat(Sockets.exchange(server, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000)
                    .status()).isEqualTo(200);
        }
    }

    /** Sends one keep-alive request on {@code socket} and reads its answer. */
    private static void served(Socket socket) throws java.io.IOException {
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.setSoTimeout(5_000);
        StringBuilder read = new StringBuilder();
        while (!read.toString().endsWith("{\"status\":\"ok\"}")) {
            int b = socket.getInputStream().read();
            if (b < 0) {
                throw new java.io.EOFException("closed after " + read);
            }
            read.append((char) b);
        }
    }

    @Test
    void aChatPastTheStreamCapIsAnswered503WithRetryAfter() throws Exception {
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine(1, Duration.ofMillis(200)))
                .limits(ServerLimits.builder().maxStreams(1).build()).start();
             Socket slow = Sockets.connect(server)) {
            slow.getOutputStream().write(UnreadResponseTest.streamingRequest("a b c d e f g h i j"));
            UnreadResponseTest.awaitTrue(() -> server.stats().openStreams() == 1, "the first stream opened");
            String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            Sockets.Reply second = Sockets.exchange(server, "POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body, 5_000);

            assertThat(second.status()).isEqualTo(503);
            assertThat(second.text()).contains("Retry-After: 1").contains("{\"error\":");
            slow.close();
            UnreadResponseTest.awaitTrue(() -> server.stats().openStreams() == 0, "the first stream released");
            assertThat(Sockets.exchange(server, "POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body, 5_000).status()).isEqualTo(200);
        }
    }
}
