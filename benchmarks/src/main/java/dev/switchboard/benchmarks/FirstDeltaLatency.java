package dev.switchboard.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * First-delta latency: from the {@link ReplayServer}'s first flush (headers and first event in one
 * write) to the moment the first content delta reaches user code, per reader, in one run. Prints
 * median, p90 and minimum in microseconds. A harness that prints figures, not a test.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec@latency}.
 */
public final class FirstDeltaLatency {

    private static final int WARMUP_ROUNDS = 500;
    private static final int MEASURED_ROUNDS = 2_000;

    private FirstDeltaLatency() {
    }

    /** Runs the measurement and prints one line per reader. */
    public static void main(String[] args) throws Exception {
        try (ReplayServer server = new ReplayServer(shortStream())) {
            Map<String, StreamReader> readers = new LinkedHashMap<>();
            readers.put("baseline (socket + readTree)", new BaselineReader(server.port()));
            readers.put("naive OkHttp (readUtf8Line + readTree)", new NaiveOkHttpReader(server.baseUrl()));
            readers.put("raw-http LlmClient", new LlmClientReader("raw-http", server.baseUrl()));
            Map<String, long[]> samples = new LinkedHashMap<>();
            readers.keySet().forEach(name -> samples.put(name, new long[MEASURED_ROUNDS]));
            long[] first = new long[1];
            // Rounds interleave the readers, so a disturbance on the machine hits all of them alike.
            for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
                for (Map.Entry<String, StreamReader> reader : readers.entrySet()) {
                    reader.getValue().read(nanoTime -> first[0] = nanoTime);
                    if (round >= 0) {
                        samples.get(reader.getKey())[round] = first[0] - server.lastFirstFlushNanos();
                    }
                }
            }
            System.out.printf("first delta after the server's first flush, %d streams each (µs)%n", MEASURED_ROUNDS);
            for (Map.Entry<String, long[]> entry : samples.entrySet()) {
                long[] s = entry.getValue();
                Arrays.sort(s);
                System.out.printf("%-42s median %7.1f   p90 %7.1f   min %7.1f%n", entry.getKey(),
                        s[s.length / 2] / 1e3, s[s.length * 9 / 10] / 1e3, s[0] / 1e3);
            }
            readers.values().forEach(StreamReader::close);
        }
    }

    /** Ten content chunks and [DONE]: enough for a first delta, short enough for thousands of rounds. */
    private static byte[] shortStream() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) {
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
