package dev.switchboard.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * First-delta latency: from the {@link ReplayServer}'s first write (status line, headers and first
 * event in one write) to the moment the first content delta reaches user code, per reader. Prints
 * median, p90 and minimum in microseconds; then the same from the reader's call to its first delta,
 * which adds the per-stream setup before the request goes out (and, for the baseline, a new
 * connection per stream). A harness that prints figures, not a test.
 *
 * <p>Two cases, each with its own server: {@link ReplayServer.Framing#CONTENT_LENGTH} (the rest of
 * the body in a second write) and {@link ReplayServer.Framing#OLLAMA_CHUNKED} (chunked, one write per
 * event, as Ollama sends a {@code /v1} stream). The readers ({@link #READERS}): the baseline, the
 * naive OkHttp reader building each call's request as a program must, the same reader re-sending one
 * request built once (a lower bound from the call, not a program), and raw-http's {@code LlmClient}.
 *
 * <p>Two ways, in one run:
 * <ol>
 *   <li><b>Interleaved</b>, in this JVM: the baseline, the naive reader and raw-http, both cases,
 *       round by round, in a new (seeded) random order each round, so a disturbance on the machine
 *       hits all alike. Per case it also prints the median of the per-round difference raw-http minus
 *       naive, which the machine's noise moves less than the medians. The readers share one JVM's
 *       caches, so code that several readers use (OkHttp's line reading and Jackson's
 *       {@code readTree}: the baseline's and the naive reader's) stays warmer than code one reader
 *       uses alone (raw-http's decoder): which readers run beside each other moves the
 *       after-the-first-write difference by a few µs.</li>
 *   <li><b>Alone</b>: the naive reader, its re-sending variant and raw-http, each in JVMs of its
 *       own, as in a program that has one way of reading: {@value #ALONE_FORKS} JVMs per reader,
 *       alternated; it prints each JVM's median, the median of those, and raw-http minus naive.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec@latency}.
 */
public final class FirstDeltaLatency {

    private static final int WARMUP_ROUNDS = 500;
    private static final int MEASURED_ROUNDS = 2_000;
    private static final int CONTENT_CHUNKS = 10;
    private static final int ALONE_FORKS = 6;

    private static final String BASELINE = "baseline (socket + readTree)";
    private static final String NAIVE = "naive OkHttp (request per call)";
    private static final String NAIVE_RESENT = "naive OkHttp (one request re-sent)";
    private static final String RAW_HTTP = "raw-http LlmClient";
    private static final String ALONE = "--alone";

    /** The readers by name, in print order; the names are also the child JVMs' argument. */
    private static final Map<String, Function<ReplayServer, StreamReader>> READERS = new LinkedHashMap<>();

    static {
        READERS.put(BASELINE, s -> new BaselineReader(s.port()));
        READERS.put(NAIVE, s -> new NaiveOkHttpReader(s.baseUrl()));
        READERS.put(NAIVE_RESENT, s -> NaiveOkHttpReader.reSending(s.baseUrl()));
        READERS.put(RAW_HTTP, s -> new LlmClientReader("raw-http", s.baseUrl()));
    }

    private FirstDeltaLatency() {
    }

    /**
     * Runs the measurement and prints it; with {@code --alone <reader name>}, measures that reader
     * alone and prints one tab-separated line per case (case, median from the first write, median
     * from the call, in ns) for the parent JVM to read.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(ALONE)) {
            for (Case c : measure(List.of(args[1]))) {
                System.out.println(c.framing + "\t" + median(c.samples) + "\t" + median(c.fromCall));
            }
            return;
        }
        List<Case> cases = measure(List.of(BASELINE, NAIVE, RAW_HTTP));
        System.out.printf("INTERLEAVED: all readers in one JVM, %d streams each%n%n", MEASURED_ROUNDS);
        System.out.printf("first delta after the server's first write (status line + headers + first event) (µs)%n");
        cases.forEach(c -> print(c, c.samples));
        System.out.printf("%nfirst delta after the reader's call (µs)%n");
        cases.forEach(c -> print(c, c.fromCall));
        System.out.printf("%nraw-http minus naive OkHttp, same round, median (µs): after the first write / after the call%n");
        for (String framing : framings(cases)) {
            Case rawHttp = find(cases, framing, RAW_HTTP);
            Case naive = find(cases, framing, NAIVE);
            System.out.printf("%-36s %+7.1f / %+7.1f%n", framing,
                    medianDifference(rawHttp.samples, naive.samples), medianDifference(rawHttp.fromCall, naive.fromCall));
        }
        alone();
    }

    /** Both cases, each with its own server and its own instance of each named reader, interleaved. */
    private static List<Case> measure(List<String> readerNames) throws Exception {
        try (ReplayServer contentLength = new ReplayServer(shortStream(), ReplayServer.Framing.CONTENT_LENGTH);
             ReplayServer ollama = new ReplayServer(shortStream(), ReplayServer.Framing.OLLAMA_CHUNKED)) {
            List<Case> cases = new ArrayList<>();
            for (String name : readerNames) {
                cases.add(new Case("Content-Length, rest in 2nd write", name, contentLength));
            }
            for (String name : readerNames) {
                cases.add(new Case("Ollama: chunked, 1 write per event", name, ollama));
            }
            long[] first = new long[1];
            List<Case> order = new ArrayList<>(cases);
            Random shuffle = new Random(13);
            for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
                Collections.shuffle(order, shuffle); // so that no reader always follows the same one
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
            cases.forEach(c -> c.reader.close());
            return cases;
        }
    }

    /** Each reader alone in child JVMs, alternated; prints per case and reader each JVM's medians. */
    private static void alone() throws Exception {
        Map<String, List<long[]>> perReader = new LinkedHashMap<>(); // "framing\treader" -> {first write, call} per JVM
        for (int fork = 0; fork < ALONE_FORKS; fork++) {
            for (String reader : List.of(NAIVE, NAIVE_RESENT, RAW_HTTP)) {
                for (String line : child(reader)) {
                    String[] f = line.split("\t");
                    perReader.computeIfAbsent(f[0] + "\t" + reader, k -> new ArrayList<>())
                            .add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
        }
        System.out.printf("%nALONE: each reader in a JVM of its own, %d JVMs per reader, alternated;"
                + " per JVM the median of %d streams (µs)%n", ALONE_FORKS, MEASURED_ROUNDS);
        System.out.printf("%-36s %-36s %-50s %s%n", "case", "reader", "after the first write", "after the call");
        perReader.forEach((key, runs) -> {
            String[] k = key.split("\t");
            System.out.printf("%-36s %-36s %-50s %s%n", k[0], k[1], forks(runs, 0), forks(runs, 1));
        });
        System.out.printf("%nraw-http minus naive OkHttp (request per call), median of the JVMs' medians (µs):"
                + " after the first write / after the call%n");
        for (String framing : perReader.keySet().stream().map(k -> k.split("\t")[0]).distinct().toList()) {
            List<long[]> rawHttp = perReader.get(framing + "\t" + RAW_HTTP);
            List<long[]> naive = perReader.get(framing + "\t" + NAIVE);
            System.out.printf("%-36s %+7.1f / %+7.1f%n", framing, (medianOf(rawHttp, 0) - medianOf(naive, 0)) / 1e3,
                    (medianOf(rawHttp, 1) - medianOf(naive, 1)) / 1e3);
        }
    }

    private static long medianOf(List<long[]> runs, int i) {
        return median(runs.stream().mapToLong(r -> r[i]).toArray());
    }

    /** "m1 / m2 / m3 (median m)" in µs for column {@code i} of the runs. */
    private static String forks(List<long[]> runs, int i) {
        StringBuilder s = new StringBuilder();
        for (long[] run : runs) {
            s.append(s.length() == 0 ? "" : " / ").append(String.format("%.1f", run[i] / 1e3));
        }
        return s.append(String.format(" (%.1f)", medianOf(runs, i) / 1e3)).toString();
    }

    /** Runs this class with {@code --alone reader} in a new JVM on this class path; returns its lines. */
    private static List<String> child(String reader) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FirstDeltaLatency.class.getName(), ALONE, reader)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                lines.add(line);
            }
        }
        if (p.waitFor() != 0 || lines.size() != 2) {
            throw new IllegalStateException("the JVM measuring " + reader + " exited " + p.exitValue() + ": " + lines);
        }
        return lines;
    }

    private static List<String> framings(List<Case> cases) {
        return cases.stream().map(c -> c.framing).distinct().toList();
    }

    private static Case find(List<Case> cases, String framing, String name) {
        return cases.stream().filter(c -> c.framing.equals(framing) && c.name.equals(name)).findFirst().orElseThrow();
    }

    private static void print(Case c, long[] samples) {
        long[] s = samples.clone();
        Arrays.sort(s);
        System.out.printf("%-36s %-36s median %7.1f   p90 %7.1f   min %7.1f%n", c.framing, c.name,
                s[s.length / 2] / 1e3, s[s.length * 9 / 10] / 1e3, s[0] / 1e3);
    }

    private static long median(long[] samples) {
        long[] s = samples.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double medianDifference(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return median(d) / 1e3;
    }

    /** One reader against one server, and its samples in nanoseconds: from the first write, from the call. */
    private static final class Case {
        final String framing;
        final String name;
        final ReplayServer server;
        final StreamReader reader;
        final long[] samples = new long[MEASURED_ROUNDS];
        final long[] fromCall = new long[MEASURED_ROUNDS];

        Case(String framing, String name, ReplayServer server) {
            Function<ReplayServer, StreamReader> factory = READERS.get(name);
            if (factory == null) {
                throw new IllegalArgumentException("no reader named " + name + "; one of " + READERS.keySet());
            }
            this.framing = framing;
            this.name = name;
            this.server = server;
            this.reader = factory.apply(server);
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
