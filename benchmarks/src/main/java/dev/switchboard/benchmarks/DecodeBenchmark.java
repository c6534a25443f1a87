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
 * Decode throughput, in chunks per second, of every way of reading the same
 * {@value SseFixture#CHUNKS}-chunk {@code /v1} stream from a loopback {@link ReplayServer}, in one
 * run so the figures compare. Styles are found by name.
 *
 * <p>Each library style has its own class beside this one, named {@code <Style>DecodeBenchmark}
 * (e.g. {@code OpenAiJavaDecodeBenchmark}), holding that style's {@code LlmClient} adapter next to
 * the library's own streaming API over the same {@link SseFixture} stream. The JMH pattern
 * {@code DecodeBenchmark} matches them all, so one run gives every figure.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks exec:exec@jmh -Djmh.args="-f 2 -wi 3 -w 3s -i 5 -r 3s DecodeBenchmark"}
 * after {@code ./mvnw -q -B install -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    private ReplayServer server;
    private BaselineReader baseline;
    private NaiveOkHttpReader naiveOkHttp;
    private LlmClientReader rawHttp;

    /** Starts the server and the readers. */
    @Setup(Level.Trial)
    public void setUp() {
        server = new ReplayServer(SseFixture.body());
        baseline = new BaselineReader(server.port());
        naiveOkHttp = new NaiveOkHttpReader(server.baseUrl());
        rawHttp = new LlmClientReader("raw-http", server.baseUrl());
    }

    /** Stops them. */
    @TearDown(Level.Trial)
    public void tearDown() {
        rawHttp.close();
        naiveOkHttp.close();
        server.close();
    }

    /** Bare socket + line splitting + {@code readTree}: the baseline. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long baseline() throws Exception {
        return check(baseline.read(StreamReader.FirstDelta.IGNORE));
    }

    /** OkHttp {@code readUtf8Line} + {@code readTree}: the naive reference. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long naiveOkHttp() throws Exception {
        return check(naiveOkHttp.read(StreamReader.FirstDelta.IGNORE));
    }

    /** The raw-HTTP style's {@code LlmClient} adapter. */
    @Benchmark
    @OperationsPerInvocation(SseFixture.CHUNKS)
    public long rawHttp() {
        return check(rawHttp.read(StreamReader.FirstDelta.IGNORE));
    }

    private static long check(long deltas) {
        if (deltas != SseFixture.CHUNKS) {
            throw new IllegalStateException("decoded " + deltas + " deltas, expected " + SseFixture.CHUNKS);
        }
        return deltas;
    }
}
