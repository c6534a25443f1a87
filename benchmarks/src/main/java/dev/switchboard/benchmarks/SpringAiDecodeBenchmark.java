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
 * Decode throughput, in chunks per second, of the Spring AI style over the same
 * {@value SseFixture#CHUNKS}-chunk {@code /v1} stream as {@link DecodeBenchmark}, in one run: the
 * style's {@code LlmClient} adapter ({@code spring-ai}, a pull-based {@code ChatStream} bridged from
 * Spring AI's {@code Flux}) next to {@code OpenAiChatModel.stream(...)} consumed directly. The
 * adapter's target is at least 0.9 × the library's own figure.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks package -DskipTests exec:exec@jmh
 * -Djmh.args="-f 1 -wi 3 -w 2s -i 5 -r 2s SpringAiDecodeBenchmark"} after installing
 * {@code clients/spring-ai} ({@code switchboard-spring-ai}); figures in {@code clients/spring-ai/README.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpringAiDecodeBenchmark {

    private ReplayServer server;
    private LlmClientReader adapter;
    private SpringAiReader library;

    /** Starts the server and both readers. */
    @Setup(Level.Trial)
    public void setUp() {
        server = new ReplayServer(SseFixture.body());
        adapter = new LlmClientReader("spring-ai", server.baseUrl());
        library = new SpringAiReader(server.baseUrl());
    }

    /** Stops them. */
    @TearDown(Level.Trial)
    public void tearDown() {
        adapter.close();
        library.close();
        server.close();
    }

    /** The Spring AI style's {@code LlmClient} adapter. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long springAiAdapter() {
        return check(adapter.read(StreamReader.FirstDelta.IGNORE));
    }

    /** {@code OpenAiChatModel.stream(prompt)}, each answer read on the delivering thread, {@code blockLast()}. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long springAiLibrary() {
        return check(library.read(StreamReader.FirstDelta.IGNORE));
    }

    private static long check(long deltas) {
        if (deltas != SseFixture.CHUNKS) {
            throw new IllegalStateException("decoded " + deltas + " deltas, expected " + SseFixture.CHUNKS);
        }
        return deltas;
    }
}
