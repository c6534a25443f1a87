package dev.switchboard.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * Issue 16, finding 1: an error that kills a Vert.x thread never leaves the server alive but deaf.
 * Before: an {@code OutOfMemoryError} that killed the acceptor thread left the port open and every
 * request unanswered until a restart. Here a {@code ThreadDeath} kills it the same way (the Netty
 * loop rethrows every {@link Error} it meets in its I/O step), and the server must notice, say so,
 * close its port and call its fatal-error handler.
 */
@Timeout(60)
class FatalErrorTest {

    @Test
    @SuppressWarnings({"deprecation", "removal"})
    void aDeadAcceptorThreadClosesTheServerInsteadOfLeavingItDeaf() throws Exception {
        CompletableFuture<Throwable> fatal = new CompletableFuture<>();
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .onFatalError(fatal::complete).start()) {
            assertThat(health(server)).isEqualTo("200");
            List<Thread> acceptors = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("vert.x-acceptor-thread")) {
                    acceptors.add(t);
                }
            }
            assertThat(acceptors).isNotEmpty();
            for (Thread t : acceptors) {
                t.stop(); // JDK 17: ThreadDeath, an Error, thrown in the thread where it runs next
            }
            for (Thread t : acceptors) {
                health(server); // wakes the loop so the error is thrown in its I/O step
                t.join(5_000);
                assertThat(t.isAlive()).as("acceptor thread killed").isFalse();
            }

            Throwable reported = fatal.get(30, TimeUnit.SECONDS);
            assertThat(reported).isNotNull();
            assertThat(health(server)).as("after the acceptor died: refused, not unanswered").isEqualTo("refused");
        }
        UnreadResponseTest.awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("vert.x-eventloop") && t.isAlive()), "no event-loop thread left");
    }

    /** "200", "refused", or "hung" when nothing came back within 3 s. */
    private static String health(SwitchboardServer server) {
        try {
            Sockets.Reply reply = Sockets.exchange(server, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    3_000);
            return reply.hung() ? "hung" : reply.status() == -1 ? "closed" : Integer.toString(reply.status());
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof ConnectException) {
                return "refused";
            }
            throw e;
        }
    }
}
