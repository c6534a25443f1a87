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
import java.util.concurrent.atomic.AtomicLongArray;

import dev.switchboard.server.SwitchboardServer;

/**
 * The measurement {@link ConcurrentStreams} and {@link GatewayConcurrentStreams} share: {@code streams}
 * streaming chat requests for the scripted model sent at once from one async {@link HttpClient} (a
 * 37-word prompt, so the scripted engine answers in 40 chunks), sampling every 20 ms the heap and
 * each watched server's open streams.
 */
final class StreamBurst {

    /** What one burst measured: counts, wall seconds, peaks (bytes for the heap, one entry per watched server). */
    record Result(int streams, long completed, double seconds, long peakHeapBytes, long[] peakOpen, int peakThreads) {
    }

    private StreamBurst() {
    }

    /**
     * Sends the burst to {@code chatUrl} (a {@code /chat/completions} URL) and waits up to 120 s for
     * each stream; a stream counts as completed when it answers 200 and ends with {@code data: [DONE]}.
     */
    static Result run(String chatUrl, int streams, List<SwitchboardServer> watched) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String prompt = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                + "sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour "
                + "twentyfive twentysix twentyseven twentyeight twentynine thirty thirtyone thirtytwo thirtythree "
                + "thirtyfour thirtyfive thirtysix thirtyseven";
        String body = "{\"model\":\"scripted\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt + "\"}]}";
        AtomicLong peakHeap = new AtomicLong();
        AtomicLongArray peakOpen = new AtomicLongArray(watched.size());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sampler");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(chatUrl))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        System.gc();
        threads.resetPeakThreadCount();
        sampler.scheduleAtFixedRate(() -> {
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            for (int i = 0; i < watched.size(); i++) {
                peakOpen.accumulateAndGet(i, watched.get(i).stats().openStreams(), Math::max);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            // ofString completes when the body ends, without a blocked thread per stream.
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> response.statusCode() == 200
                            && response.body().endsWith("data: [DONE]\n\n")));
        }
        long completed = 0;
        for (CompletableFuture<Boolean> stream : sent) {
            if (stream.get(120, TimeUnit.SECONDS)) {
                completed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        long[] peaks = new long[watched.size()];
        for (int i = 0; i < peaks.length; i++) {
            peaks[i] = peakOpen.get(i);
        }
        return new Result(streams, completed, seconds, peakHeap.get(), peaks, threads.getPeakThreadCount());
    }
}
