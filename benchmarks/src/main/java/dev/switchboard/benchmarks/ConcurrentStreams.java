package dev.switchboard.benchmarks;

import java.time.Duration;
import java.util.List;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * Server concurrency: {@value #STREAMS} streaming chat requests open at once against one embedded
 * {@link SwitchboardServer} (scripted engine, 40 chunks 25 ms apart, so every stream stays open
 * about a second), from one async {@link HttpClient}. Prints wall time, how many completed with
 * {@code [DONE]}, peak live threads and peak heap. A harness that prints figures, not a test.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec@concurrency}.
 */
public final class ConcurrentStreams {

    private static final int STREAMS = 1_000;

    private ConcurrentStreams() {
    }

    /** Runs the measurement; exits non-zero if a stream did not complete. */
    public static void main(String[] args) throws Exception {
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine(1, Duration.ofMillis(25)))) {
            StreamBurst.Result r = StreamBurst.run(server.openAiBaseUrl() + "/chat/completions", STREAMS, List.of(server));
            System.out.printf("%d concurrent streams (40 chunks, 25 ms apart): %d completed with [DONE] in %.2f s%n",
                    r.streams(), r.completed(), r.seconds());
            System.out.printf("peak streams open at once on the server: %d%n", r.peakOpen()[0]);
            System.out.printf("peak live threads (server + client, whole JVM): %d%n", r.peakThreads());
            System.out.printf("peak heap used: %.1f MiB%n", r.peakHeapBytes() / 1048576.0);
            System.out.printf("server stats: %s%n", server.stats());
            if (r.completed() != STREAMS) {
                System.exit(1);
            }
        }
    }
}
