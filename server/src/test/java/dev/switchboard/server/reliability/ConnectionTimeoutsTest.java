package dev.switchboard.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.server.ServerLimits;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * Issue 16, finding 3: slow or unfinished requests are timed out, and broken chunk framing is
 * answered 400, never left hanging (before, each of these held its connection open forever, and
 * bad chunk sizes closed it without a status line).
 */
@Timeout(60)
class ConnectionTimeoutsTest {

    private static final String CHAT = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    private static SwitchboardServer server;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .limits(ServerLimits.builder().headerTimeout(Duration.ofSeconds(1)).bodyTimeout(Duration.ofSeconds(1))
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientSendingItsHeadersOneByteAtATimeIsCutOff() throws Exception {
        try (Socket socket = Sockets.connect(server)) {
            OutputStream out = socket.getOutputStream();
            byte[] head = (CHAT + "X-Slow: ").getBytes(StandardCharsets.US_ASCII);
            boolean cut = false;
            for (int i = 0; i < 40 && !cut; i++) { // 40 bytes, 100 ms apart: 4 s, the timeout is 1 s
                try {
                    out.write(head[i % head.length]);
                    out.flush();
                } catch (IOException closed) {
                    cut = true;
                }
                Thread.sleep(100);
            }
            Sockets.Reply reply = cut ? new Sockets.Reply("", true, false) : Sockets.readUntilClosed(socket, 3_000);
            assertThat(reply.hung()).as("connection left open after the header timeout").isFalse();
        }
        assertHealthy();
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAnswered408() {
        Sockets.Reply reply = Sockets.exchange(server, CHAT + "Content-Length: 100\r\n\r\n{\"messages\":", 5_000);

        assertThat(reply.hung()).as("left hanging: " + reply.text()).isFalse();
        assertThat(reply.status()).isEqualTo(408);
        assertHealthy();
    }

    @Test
    void aChunkedBodyWithoutItsLastChunkIsAnswered408() {
        Sockets.Reply reply = Sockets.exchange(server, CHAT + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"mes\r\n", 5_000);

        assertThat(reply.hung()).as("left hanging: " + reply.text()).isFalse();
        assertThat(reply.status()).isEqualTo(408);
        assertHealthy();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "-5", "ffffffffffffffffffff"})
    void aMalformedChunkSizeIsAnswered400(String size) {
        Sockets.Reply reply = Sockets.exchange(server,
                CHAT + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{\"messages\":[]}\r\n0\r\n\r\n", 5_000);

        assertThat(reply.hung()).as("left hanging").isFalse();
        assertThat(reply.status()).as("reply: " + reply.text()).isEqualTo(400);
        assertHealthy();
    }

    @Test
    void bareLineFeedChunkFramingIsAnsweredNotLeftHanging() {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        Sockets.Reply reply = Sockets.exchange(server, CHAT + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\n" + body + "\n0\n\n", 5_000);

        assertThat(reply.hung()).as("left hanging: " + reply.text()).isFalse();
        assertThat(reply.status()).as("reply: " + reply.text()).isIn(200, 400);
        assertHealthy();
    }

    private static void assertHealthy() {
        Sockets.Reply health = Sockets.exchange(server, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000);
        assertThat(health.status()).as("server alive after").isEqualTo(200);
    }
}
