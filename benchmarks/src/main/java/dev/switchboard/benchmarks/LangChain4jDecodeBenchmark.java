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
 * Decode throughput, in chunks per second, of the LangChain4j style over the same
 * {@value SseFixture#CHUNKS}-chunk {@code /v1} stream as {@link DecodeBenchmark}, in one run: the
 * style's {@code LlmClient} adapter ({@code langchain4j}: {@code OpenAiStreamingChatModel}'s callbacks
 * bridged into core's pull-based {@code ChatStream}) next to {@code OpenAiStreamingChatModel} with a
 * plain handler. The adapter's target is at least 0.9 × the library's own figure.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks package -DskipTests exec:exec@jmh
 * -Djmh.args="-f 1 -wi 3 -w 2s -i 5 -r 2s LangChain4jDecodeBenchmark"} after installing
 * {@code clients/langchain4j} ({@code ./mvnw -q -B -pl clients/langchain4j install -DskipTests}).
 * Every adapter stream builds its own {@code OpenAiStreamingChatModel} (the adapter's per-call
 * state), so that cost is in the adapter's figure; the library's reader builds its model once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LangChain4jDecodeBenchmark {

    private ReplayServer server;
    private LlmClientReader adapter;
    private LangChain4jReader library;

    /** Starts the server and both readers. */
    @Setup(Level.Trial)
    public void setUp() {
        server = new ReplayServer(SseFixture.body());
        adapter = new LlmClientReader("langchain4j", server.baseUrl());
        library = new LangChain4jReader(server.baseUrl());
    }

    /** Stops them. */
    @TearDown(Level.Trial)
    public void tearDown() {
        adapter.close();
        library.close();
        server.close();
    }

    /** The LangChain4j style's {@code LlmClient} adapter. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long langChain4jAdapter() {
        return check(adapter.read(StreamReader.FirstDelta.IGNORE));
    }

    /** {@code OpenAiStreamingChatModel} with a plain handler counting {@code onPartialResponse}. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long langChain4jLibrary() throws Exception {
        return check(library.read(StreamReader.FirstDelta.IGNORE));
    }

    private static long check(long deltas) {
        if (deltas != SseFixture.CHUNKS) {
            throw new IllegalStateException("decoded " + deltas + " deltas, expected " + SseFixture.CHUNKS);
        }
        return deltas;
    }
}
