package dev.switchboard.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.rawhttp.RawHttpLlmClient;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.engine.Upstream;
import dev.switchboard.server.engine.UpstreamEngine;

/**
 * The gateway's cost: the same scripted upstream read straight and through a gateway
 * ({@link UpstreamEngine} relaying with the raw-http client) by the same raw-http client, in one
 * run, rounds interleaved. Prints chunks per second on a 2,000-chunk stream (no delay upstream, so
 * the relay's own per-chunk work is what is measured) and the first-delta latency of a short
 * answer (from {@code stream()} to the first text delta). A harness that prints figures, not a test.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec@gateway}.
 */
public final class GatewayOverhead {

    private static final int WORDS = 2_000;
    private static final int THROUGHPUT_ROUNDS = 15;
    private static final int LATENCY_SAMPLES = 300;

    private GatewayOverhead() {
    }

    /** Runs the measurement and prints the figures. */
    public static void main(String[] args) {
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < WORDS; i++) {
            prompt.append("w").append(i).append(' ');
        }
        ChatRequest longAnswer = ChatRequest.builder().user(prompt.toString()).build();
        ChatRequest shortAnswer = ChatRequest.builder().user("hi").build();
        try (SwitchboardServer upstream = SwitchboardServer.start(new ScriptedEngine());
                SwitchboardServer gateway = SwitchboardServer.start(UpstreamEngine.builder()
                        .upstream(Upstream.of("up", upstream.openAiBaseUrl(), new RawHttpLlmClient(endpoint(upstream))))
                        .build());
                LlmClient direct = new RawHttpLlmClient(endpoint(upstream));
                LlmClient through = new RawHttpLlmClient(endpoint(gateway))) {
            for (int i = 0; i < 5; i++) { // warm-up: JIT, connection pools
                chunksPerSecond(direct, longAnswer);
                chunksPerSecond(through, longAnswer);
            }
            List<Double> directRate = new ArrayList<>();
            List<Double> gatewayRate = new ArrayList<>();
            for (int i = 0; i < THROUGHPUT_ROUNDS; i++) {
                directRate.add(chunksPerSecond(direct, longAnswer));
                gatewayRate.add(chunksPerSecond(through, longAnswer));
            }
            for (int i = 0; i < 100; i++) {
                firstDeltaMicros(direct, shortAnswer);
                firstDeltaMicros(through, shortAnswer);
            }
            List<Double> directFirst = new ArrayList<>();
            List<Double> gatewayFirst = new ArrayList<>();
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                directFirst.add(firstDeltaMicros(direct, shortAnswer));
                gatewayFirst.add(firstDeltaMicros(through, shortAnswer));
            }
            System.out.printf("chunks/s, %d-chunk stream, median of %d (min-max):%n", WORDS + 2, THROUGHPUT_ROUNDS);
            System.out.printf("  direct   %,.0f (%,.0f-%,.0f)%n", median(directRate), min(directRate), max(directRate));
            System.out.printf("  gateway  %,.0f (%,.0f-%,.0f)%n", median(gatewayRate), min(gatewayRate), max(gatewayRate));
            System.out.printf("  gateway/direct %.2f%n", median(gatewayRate) / median(directRate));
            System.out.printf("first delta, us, %d samples, median / p90:%n", LATENCY_SAMPLES);
            System.out.printf("  direct   %.0f / %.0f%n", median(directFirst), p90(directFirst));
            System.out.printf("  gateway  %.0f / %.0f%n", median(gatewayFirst), p90(gatewayFirst));
            System.out.printf("  added    %.0f us (median)%n", median(gatewayFirst) - median(directFirst));
        }
        System.exit(0);
    }

    private static Endpoint endpoint(SwitchboardServer server) {
        return Endpoint.builder().baseUrl(server.openAiBaseUrl()).chatModel(ScriptedEngine.MODEL)
                .readTimeout(Duration.ofSeconds(30)).build();
    }

    private static double chunksPerSecond(LlmClient client, ChatRequest request) {
        long start = System.nanoTime();
        int chunks = 0;
        try (ChatStream stream = client.stream(request)) {
            for (ChatEvent event : stream) {
                chunks++;
            }
        }
        return chunks / ((System.nanoTime() - start) / 1e9);
    }

    private static double firstDeltaMicros(LlmClient client, ChatRequest request) {
        long start = System.nanoTime();
        double first = -1;
        try (ChatStream stream = client.stream(request)) {
            for (ChatEvent event : stream) {
                if (first < 0 && event instanceof ChatEvent.TextDelta) {
                    first = (System.nanoTime() - start) / 1e3;
                }
            }
        }
        return first;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double p90(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.floor(sorted.size() * 0.9));
    }

    private static double min(List<Double> values) {
        return Collections.min(values);
    }

    private static double max(List<Double> values) {
        return Collections.max(values);
    }
}
