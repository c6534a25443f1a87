package dev.switchboard.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Decode throughput, in chunks per second, of the openai-java style over the same
 * {@value SseFixture#CHUNKS}-chunk {@code /v1} stream as {@link DecodeBenchmark}, in one run: the
 * style's {@code LlmClient} adapter ({@code openai-java}: the SDK's stream turned into core's
 * {@code ChatEvent}s, plus its per-stream end-marker watch and derived client) next to the SDK's
 * own {@code createStreaming} consumed directly. The adapter's target is at least 0.9 × the
 * library's own figure.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks package -DskipTests exec:exec@jmh
 * -Djmh.args="-f 1 -wi 3 -w 2s -i 5 -r 2s OpenAiJavaDecodeBenchmark"} after installing
 * {@code clients/openai-java} ({@code ./mvnw -q -B -pl clients/openai-java install -DskipTests}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OpenAiJavaDecodeBenchmark {

    private ReplayServer server;
    private LlmClientReader adapter;
    private OpenAiJavaSdkReader library;

    /** Starts the server and both readers. */
    @Setup(Level.Trial)
    public void setUp() {
        server = new ReplayServer(SseFixture.body());
        adapter = new LlmClientReader("openai-java", server.baseUrl());
        library = new OpenAiJavaSdkReader(server.baseUrl());
    }

    /** Stops them. */
    @TearDown(Level.Trial)
    public void tearDown() {
        adapter.close();
        library.close();
        server.close();
    }

    /** The openai-java style's {@code LlmClient} adapter. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long openAiJavaAdapter() {
        return check(adapter.read(StreamReader.FirstDelta.IGNORE));
    }

    /** The SDK's {@code createStreaming}, each chunk's {@code delta.content} read directly. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long openAiJavaLibrary() {
        return check(library.read(StreamReader.FirstDelta.IGNORE));
    }

    private static long check(long deltas) {
        if (deltas != SseFixture.CHUNKS) {
            throw new IllegalStateException("decoded " + deltas + " deltas, expected " + SseFixture.CHUNKS);
        }
        return deltas;
    }
}
