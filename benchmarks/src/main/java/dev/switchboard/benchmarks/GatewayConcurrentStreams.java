package dev.switchboard.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.core.Endpoint;
import dev.switchboard.rawhttp.RawHttpLlmClient;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.engine.Upstream;
import dev.switchboard.server.engine.UpstreamEngine;

/**
 * Gateway concurrency: {@value #STREAMS} streaming chat requests open at once through a gateway
 * ({@link UpstreamEngine} with the raw-http client) in front of one embedded scripted server (40
 * chunks 25 ms apart, so every stream stays open about a second), from one async {@link HttpClient}.
 * Prints wall time, how many completed with {@code [DONE]}, peak streams open on the gateway and
 * upstream, peak live threads and peak heap: the gateway holds one relay thread per open stream,
 * which this shows. A harness that prints figures, not a test.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec@gateway-concurrency}.
 */
public final class GatewayConcurrentStreams {

    private static final int STREAMS = 1_000;

    private GatewayConcurrentStreams() {
    }

    /** Runs the measurement; exits non-zero if a stream did not complete. */
    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String prompt = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                + "sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour "
                + "twentyfive twentysix twentyseven twentyeight twentynine thirty thirtyone thirtytwo thirtythree "
                + "thirtyfour thirtyfive thirtysix thirtyseven";
        String body = "{\"model\":\"scripted\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt + "\"}]}";
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakOpen = new AtomicLong();
        AtomicLong peakUpstream = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sampler");
            t.setDaemon(true);
            return t;
        });
        try (SwitchboardServer upstream = SwitchboardServer.start(new ScriptedEngine(1, Duration.ofMillis(25)));
                SwitchboardServer server = SwitchboardServer.start(UpstreamEngine.builder().maxConcurrentCalls(STREAMS + 100)
                        .upstream(Upstream.of("up", upstream.openAiBaseUrl(), new RawHttpLlmClient(Endpoint.builder()
                                .baseUrl(upstream.openAiBaseUrl()).readTimeout(Duration.ofSeconds(60)).build())))
                        .build())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.openAiBaseUrl() + "/chat/completions"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            System.gc();
            threads.resetPeakThreadCount();
            sampler.scheduleAtFixedRate(() -> {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                peakOpen.accumulateAndGet(server.stats().openStreams(), Math::max);
                peakUpstream.accumulateAndGet(upstream.stats().openStreams(), Math::max);
            }, 0, 20, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            List<CompletableFuture<Boolean>> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                // ofString completes when the body ends, without a blocked thread per stream.
                streams.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .thenApply(response -> response.statusCode() == 200
                                && response.body().endsWith("data: [DONE]\n\n")));
            }
            long completed = 0;
            for (CompletableFuture<Boolean> stream : streams) {
                if (stream.get(120, TimeUnit.SECONDS)) {
                    completed++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.shutdownNow();
            System.out.printf("%d concurrent streams through the gateway (40 chunks, 25 ms apart): %d completed with [DONE] in %.2f s%n",
                    STREAMS, completed, seconds);
            System.out.printf("peak streams open at once: gateway %d, upstream %d%n", peakOpen.get(), peakUpstream.get());
            System.out.printf("peak live threads (upstream + gateway + client, whole JVM): %d%n", threads.getPeakThreadCount());
            System.out.printf("peak heap used: %.1f MiB%n", peakHeap.get() / 1048576.0);
            System.out.printf("gateway stats: %s%nupstream stats: %s%n", server.stats(), upstream.stats());
            if (completed != STREAMS) {
                System.exit(1);
            }
        }
    }
}
