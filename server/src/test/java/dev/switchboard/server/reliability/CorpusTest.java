package dev.switchboard.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.server.ServerLimits;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * Every input of issue 16's corpus, on its own connection: the status it must get, no hang past the
 * timeout, every stream released, and a live server after.
 */
@Timeout(120)
class CorpusTest {

    static final ServerLimits LIMITS = ServerLimits.builder().headerTimeout(Duration.ofSeconds(2))
            .bodyTimeout(Duration.ofSeconds(2)).writeStallTimeout(Duration.ofSeconds(2)).build();
    private static SwitchboardServer server;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.builder().engine(new ScriptedEngine()).limits(LIMITS).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Corpus.Entry> entries() {
        return Corpus.entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void eachInputIsAnsweredAsDueAndTheServerLivesOn(Corpus.Entry entry) throws Exception {
        if (entry.noRead()) {
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4_096);
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                socket.getOutputStream().write(entry.request());
                socket.getOutputStream().flush();
                UnreadResponseTest.awaitTrue(() -> server.stats().openStreams() == 1, "the stream opened");
                Thread.sleep(500); // reads nothing, then goes away
            }
        } else {
            Sockets.Reply reply = Sockets.exchange(server, new String(entry.request(), java.nio.charset.StandardCharsets.ISO_8859_1),
                    15_000);
            assertThat(reply.hung()).as("%s hung; got: %.200s", entry, reply.text()).isFalse();
            assertStatus(entry.expect(), reply.status(), entry + ": " + head(reply.text()));
        }
        UnreadResponseTest.awaitTrue(() -> server.stats().openStreams() == 0, "every stream released after " + entry);
        Sockets.Reply health = Sockets.exchange(server, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000);
        assertThat(health.status()).as("alive after " + entry).isEqualTo(200);
    }

    static void assertStatus(String expect, int status, String what) {
        switch (expect) {
            case "2xx" -> assertThat(status).as(what).isBetween(200, 299);
            case "4xx" -> assertThat(status).as(what).isBetween(400, 499);
            case "answered" -> assertThat(status).as(what).isBetween(100, 499);
            default -> assertThat(status).as(what).isEqualTo(Integer.parseInt(expect));
        }
    }

    private static String head(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String rest = end < 0 ? "" : text.substring(end + 4);
        return head + " | " + rest.substring(0, Math.min(300, rest.length()));
    }
}
