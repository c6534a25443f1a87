package dev.switchboard.benchmarks;

import java.time.Duration;
import java.util.List;

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
        try (SwitchboardServer upstream = SwitchboardServer.start(new ScriptedEngine(1, Duration.ofMillis(25)));
                SwitchboardServer server = SwitchboardServer.start(UpstreamEngine.builder().maxConcurrentCalls(STREAMS + 100)
                        .upstream(Upstream.of("up", upstream.openAiBaseUrl(), new RawHttpLlmClient(Endpoint.builder()
                                .baseUrl(upstream.openAiBaseUrl()).readTimeout(Duration.ofSeconds(60)).build())))
                        .build())) {
            StreamBurst.Result r = StreamBurst.run(server.openAiBaseUrl() + "/chat/completions", STREAMS,
                    List.of(server, upstream));
            System.out.printf("%d concurrent streams through the gateway (40 chunks, 25 ms apart): %d completed with [DONE] in %.2f s%n",
                    r.streams(), r.completed(), r.seconds());
            System.out.printf("peak streams open at once: gateway %d, upstream %d%n", r.peakOpen()[0], r.peakOpen()[1]);
            System.out.printf("peak live threads (upstream + gateway + client, whole JVM): %d%n", r.peakThreads());
            System.out.printf("peak heap used: %.1f MiB%n", r.peakHeapBytes() / 1048576.0);
            System.out.printf("gateway stats: %s%nupstream stats: %s%n", server.stats(), upstream.stats());
            if (r.completed() != STREAMS) {
                System.exit(1);
            }
        }
    }
}
