package dev.switchboard.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * First-delta latency: from the {@link ReplayServer}'s first write (status line, headers and first
 * event in one write) to the moment the first content delta reaches user code, per reader, in one
 * run. Prints median, p90 and minimum in microseconds; then the same from the reader's call to its
 * first delta, which adds the per-stream setup before the request goes out (and, for the baseline,
 * a new connection per stream). A harness that prints figures, not a test.
 *
 * <p>Two cases, each with its own server and its own reader instances, all readers of both cases
 * interleaved round by round, in a new (seeded) random order each round:
 * {@link ReplayServer.Framing#CONTENT_LENGTH} (the rest of the body in a second write) and
 * {@link ReplayServer.Framing#OLLAMA_CHUNKED} (chunked, one write per event, as Ollama sends a
 * {@code /v1} stream). Per case it also prints the median of the per-round difference raw-http
 * minus naive OkHttp, which the machine's noise moves less than the two medians.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec@latency}.
 */
public final class FirstDeltaLatency {

    private static final int WARMUP_ROUNDS = 500;
    private static final int MEASURED_ROUNDS = 2_000;
    private static final int CONTENT_CHUNKS = 10;

    private FirstDeltaLatency() {
    }

    /** Runs the measurement and prints one line per case and reader. */
    public static void main(String[] args) throws Exception {
        try (ReplayServer contentLength = new ReplayServer(shortStream(), ReplayServer.Framing.CONTENT_LENGTH);
             ReplayServer ollama = new ReplayServer(shortStream(), ReplayServer.Framing.OLLAMA_CHUNKED)) {
            List<Case> cases = new ArrayList<>();
            addReaders(cases, "Content-Length, rest in 2nd write", contentLength);
            addReaders(cases, "Ollama: chunked, 1 write per event", ollama);
            long[] first = new long[1];
            // Rounds interleave the readers, so a disturbance on the machine hits all of them alike,
            // each round in a new order, so that no reader always follows the same one.
            List<Case> order = new ArrayList<>(cases);
            Random shuffle = new Random(13);
            for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
                Collections.shuffle(order, shuffle);
                for (Case c : order) {
                    first[0] = 0;
                    long call = System.nanoTime();
                    long deltas = c.reader.read(nanoTime -> first[0] = nanoTime);
                    if (deltas != CONTENT_CHUNKS || first[0] == 0) {
                        throw new IllegalStateException(c.framing + ", " + c.name + ": decoded " + deltas
                                + " deltas, expected " + CONTENT_CHUNKS);
                    }
                    if (round >= 0) {
                        c.samples[round] = first[0] - c.server.lastFirstFlushNanos();
                        c.fromCall[round] = first[0] - call;
                    }
                }
            }
            System.out.printf("first delta after the server's first write (status line + headers + first event),"
                    + " %d streams each (µs)%n", MEASURED_ROUNDS);
            cases.forEach(c -> print(c, c.samples));
            System.out.printf("%nfirst delta after the reader's call (µs)%n");
            cases.forEach(c -> print(c, c.fromCall));
            System.out.printf("%nraw-http minus naive OkHttp, same round, median (µs):"
                    + " after the first write / after the call%n");
            for (int i = 0; i + 2 < cases.size(); i += 3) {
                Case naive = cases.get(i + 1);
                Case rawHttp = cases.get(i + 2);
                System.out.printf("%-36s %+7.1f / %+7.1f%n", naive.framing,
                        medianDifference(rawHttp.samples, naive.samples), medianDifference(rawHttp.fromCall, naive.fromCall));
            }
            cases.forEach(c -> c.reader.close());
        }
    }

    private static void print(Case c, long[] samples) {
        long[] s = samples.clone();
        Arrays.sort(s);
        System.out.printf("%-36s %-40s median %7.1f   p90 %7.1f   min %7.1f%n", c.framing, c.name,
                s[s.length / 2] / 1e3, s[s.length * 9 / 10] / 1e3, s[0] / 1e3);
    }

    private static double medianDifference(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        Arrays.sort(d);
        return d[d.length / 2] / 1e3;
    }

    /** Adds baseline, naive OkHttp and raw-http, in that order (main relies on it). */
    private static void addReaders(List<Case> cases, String framing, ReplayServer server) {
        cases.add(new Case(framing, "baseline (socket + readTree)", server, new BaselineReader(server.port())));
        cases.add(new Case(framing, "naive OkHttp (readUtf8Line + readTree)", server,
                new NaiveOkHttpReader(server.baseUrl())));
        cases.add(new Case(framing, "raw-http LlmClient", server, new LlmClientReader("raw-http", server.baseUrl())));
    }

    /** One reader against one server, and its measured samples in nanoseconds: from the first write, from the call. */
    private static final class Case {
        final String framing;
        final String name;
        final ReplayServer server;
        final StreamReader reader;
        final long[] samples = new long[MEASURED_ROUNDS];
        final long[] fromCall = new long[MEASURED_ROUNDS];

        Case(String framing, String name, ReplayServer server, StreamReader reader) {
            this.framing = framing;
            this.name = name;
            this.server = server;
            this.reader = reader;
        }
    }

    /** Ten content chunks and [DONE]: enough for a first delta, short enough for thousands of rounds. */
    private static byte[] shortStream() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < CONTENT_CHUNKS; i++) {
            body.append("data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\" word\"}}],")
                    .append("\"created\":1795438004,\"id\":\"chatcmpl-1\",\"model\":\"bench.gguf\",")
                    .append("\"object\":\"chat.completion.chunk\"}\n\n");
        }
        body.append("data: {\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"delta\":{}}],\"created\":1795438004,")
                .append("\"id\":\"chatcmpl-1\",\"model\":\"bench.gguf\",\"object\":\"chat.completion.chunk\"}\n\n");
        body.append("data: [DONE]\n\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
