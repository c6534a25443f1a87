package dev.switchboard.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.server.ServerLimits;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.PausableEngineCall;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * Issue 16, finding 1: a client that never reads cannot hold the server's memory or a stream for
 * ever. Before: the scripted answer was built whole before its first chunk (hundreds of MB for a
 * large message), and a stream nobody read stayed open.
 */
@Timeout(120)
class UnreadResponseTest {

    @Test
    void aStreamNobodyReadsIsDroppedAfterTheWriteStallTimeout() throws Exception {
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .limits(ServerLimits.builder().writeStallTimeout(Duration.ofSeconds(1)).build()).start();
             Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4_096);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.getOutputStream().write(streamingRequest(words(300_000)));
            socket.getOutputStream().flush();

            awaitTrue(() -> server.stats().openStreams() == 1, "the stream opened");
            awaitTrue(() -> server.stats().openStreams() == 0, "the unread stream was dropped");

            assertThat(server.stats().cancelledStreams()).isEqualTo(1);
            assertThat(server.stats().completedStreams()).isZero();
        }
    }

    @Test
    void clientsThatCloseWhileUnreadReleaseTheirStreams() throws Exception {
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(4_096);
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                socket.getOutputStream().write(streamingRequest(words(200_000)));
                socket.getOutputStream().flush();
                sockets.add(socket);
            }
            awaitTrue(() -> server.stats().openStreams() == 4, "four streams open");
            for (Socket socket : sockets) {
                socket.close();
            }

            awaitTrue(() -> server.stats().openStreams() == 0, "every stream released");
            assertThat(server.stats().cancelledStreams()).isEqualTo(4);
        }
    }

    @Test
    void aLargeScriptedAnswerIsProducedAsItIsSentNotBuiltWhole() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String message = words(2_000_000); // 4 MB: two million one-letter words
        ScriptedEngine engine = new ScriptedEngine();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long before = usedAfterGc(memory);
        PausableEngineCall call = (PausableEngineCall) engine.chat(ChatRequest.builder().user(message).build(),
                new EngineSink() {
                    @Override
                    public void onEvent(ChatEvent event) {
                        first.countDown();
                        try {
                            release.await(); // holds the player inside its first event: nothing more is made
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void onComplete() {
                    }

                    @Override
                    public void onError(Throwable error) {
                    }
                });
        assertThat(first.await(30, TimeUnit.SECONDS)).as("first event within 30 s").isTrue();
        long during = usedAfterGc(memory);
        call.pause();
        release.countDown();
        call.cancel();
        engine.close();

        long retainedMiB = (during - before) / (1024 * 1024);
        assertThat(retainedMiB).as("heap held by one paused 4 MB answer, MiB").isLessThan(64);
        assertThat(message).isNotEmpty(); // keeps the message reachable until after the measurement
    }

    static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static String words(int n) {
        return "w ".repeat(n).trim();
    }

    static byte[] streamingRequest(String content) {
        byte[] body = ("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
