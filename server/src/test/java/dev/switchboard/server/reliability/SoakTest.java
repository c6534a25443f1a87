package dev.switchboard.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.management.UnixOperatingSystemMXBean;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import dev.switchboard.server.ServerStats;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * The soak of the reliability tier: {@code reliability.soak.streams} concurrent streams (each 40
 * chunks 25 ms apart; one in ten cut by its client after its third read) kept up for
 * {@code reliability.soak.seconds}; then the server's threads, heap after GC and open file
 * descriptors must be back at their baseline, and every stream counted completed or cancelled.
 * 200 streams for 5 s in {@code ./mvnw verify}; 1,000 for 60 s with {@code -Dreliability=full}.
 * Figures go to {@code target/reliability/soak.txt}.
 */
@Timeout(600)
class SoakTest {

    private static final String BODY = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
            + "w ".repeat(38).trim() + "\"}]}";

    @Test
    void threadsHeapAndFileDescriptorsReturnToTheirBaselineAfterASoak() throws Exception {
        int streams = Integer.getInteger("reliability.soak.streams", 200);
        long seconds = Long.getLong("reliability.soak.seconds", 5);
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine(1, Duration.ofMillis(25)))
                .eventLoops(2).start()) {
            soak(server, 20, 1); // warm-up: classes loaded, pools made
            Figures baseline = Figures.now();
            AtomicLong peak = new AtomicLong();
            java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(server.stats().openStreams(), Math::max),
                    0, 50, TimeUnit.MILLISECONDS);
            long started;
            try {
                started = soak(server, streams, seconds);
            } finally {
                sampler.shutdownNow();
                sampler.awaitTermination(5, TimeUnit.SECONDS);
            }
            Figures after = Figures.now();
            ServerStats stats = server.stats();

            String report = "streams at once: " + streams + ", for " + seconds + " s; streams run: " + started
                    + "; peak open on the server: " + peak
                    + "\ncompleted: " + stats.completedStreams() + ", cancelled: " + stats.cancelledStreams()
                    + ", open after: " + stats.openStreams()
                    + "\nbaseline: " + baseline + "\nafter:    " + after + "\n";
            Path out = Path.of("target", "reliability", "soak.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.print(report);

            assertThat(stats.openStreams()).as(report).isZero();
            assertThat(after.threads).as("threads, " + report).isLessThanOrEqualTo(baseline.threads + 4);
            assertThat(after.fileDescriptors).as("file descriptors, " + report).isLessThanOrEqualTo(baseline.fileDescriptors + 8);
            assertThat(after.heapMiB).as("heap MiB after GC, " + report).isLessThanOrEqualTo(baseline.heapMiB + 32);
        }
    }

    /** Keeps {@code concurrent} streams running for {@code seconds}; returns how many were started. */
    private static long soak(SwitchboardServer server, int concurrent, long seconds) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(concurrent));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong started = new AtomicLong();
        CountDownLatch lanesDone = new CountDownLatch(concurrent);
        for (int lane = 0; lane < concurrent; lane++) {
            nextStream(client, deadline, started, lanesDone);
        }
        try {
            assertThat(lanesDone.await(seconds + 120, TimeUnit.SECONDS)).as("every lane ended").isTrue();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        UnreadResponseTest.awaitTrue(() -> server.stats().openStreams() == 0, "every stream released after the soak");
        return started.get();
    }

    /** One lane: a stream, then the next, until the deadline; every tenth is cut halfway by its client. */
    private static void nextStream(HttpClient client, long deadline, AtomicLong started, CountDownLatch lanesDone) {
        if (System.nanoTime() > deadline) {
            lanesDone.countDown();
            return;
        }
        boolean cut = started.incrementAndGet() % 10 == 0;
        client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/v1/chat/completions")
                        .putHeader("Content-Type", "application/json"))
                .compose(request -> request.send(BODY).compose(response -> {
                    if (!cut) {
                        return response.body().mapEmpty();
                    }
                    AtomicLong chunks = new AtomicLong();
                    response.handler(chunk -> {
                        if (chunks.incrementAndGet() == 3) {
                            request.connection().close();
                        }
                    });
                    return response.end().recover(closed -> io.vertx.core.Future.succeededFuture());
                }))
                .onComplete(done -> nextStream(client, deadline, started, lanesDone));
    }

    /** Live threads, heap used after GC (MiB) and the JVM's open file descriptors. */
    record Figures(int threads, long heapMiB, long fileDescriptors) {
        static Figures now() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            long fds = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                    ? unix.getOpenFileDescriptorCount() : -1;
            return new Figures(Thread.activeCount(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
                    / (1024 * 1024), fds);
        }

        @Override
        public String toString() {
            return "threads " + threads + ", heap " + heapMiB + " MiB after GC, file descriptors " + fileDescriptors;
        }
    }
}
