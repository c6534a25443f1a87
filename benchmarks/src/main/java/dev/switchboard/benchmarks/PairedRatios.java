package dev.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The decode-throughput targets as ratios, each measured in alternating JMH forks: per round, one
 * fork of the style and one of its reference, the order swapped every round, so that the machine's
 * drift over minutes (which one JMH run, all forks of one benchmark and then all of the other, puts
 * wholly on one side) hits both alike. Prints each round's two scores (chunks/s) and their ratio,
 * then the median ratio per pair against its target. A harness that prints figures, not a test.
 *
 * <p>Pairs and targets: raw-http's {@code LlmClient} against the socket + Jackson baseline (at least
 * 0.8×), and each library adapter against that library's own streaming API (at least 0.9×):
 * openai-java, LangChain4j, Spring AI. Per fork: 3 warm-up and 5 measured iterations of 2 s.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec@ratios} (5 rounds,
 * about 15 minutes on 2 cores); {@code -Dratios.rounds=N} for more or fewer rounds,
 * {@code -Dratios.only=spring-ai} for the pairs whose name contains that text.
 */
public final class PairedRatios {

    private record Pair(String name, String style, String reference, double target) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("raw-http LlmClient / socket + readTree", "DecodeBenchmark.rawHttp", "DecodeBenchmark.baseline", 0.8),
            new Pair("openai-java adapter / createStreaming", "OpenAiJavaDecodeBenchmark.openAiJavaAdapter",
                    "OpenAiJavaDecodeBenchmark.openAiJavaLibrary", 0.9),
            new Pair("langchain4j adapter / OpenAiStreamingChatModel", "LangChain4jDecodeBenchmark.langChain4jAdapter",
                    "LangChain4jDecodeBenchmark.langChain4jLibrary", 0.9),
            new Pair("spring-ai adapter / OpenAiChatModel.stream", "SpringAiDecodeBenchmark.springAiAdapter",
                    "SpringAiDecodeBenchmark.springAiLibrary", 0.9));

    private PairedRatios() {
    }

    /** Runs {@code -Dratios.rounds} (default 5) rounds of every pair (or those {@code -Dratios.only} names) and prints them. */
    public static void main(String[] args) throws RunnerException {
        int rounds = Integer.getInteger("ratios.rounds", 5);
        String only = System.getProperty("ratios.only", "");
        List<Pair> pairs = PAIRS.stream().filter(p -> p.name().contains(only)).toList();
        double[][] ratios = new double[pairs.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int p = 0; p < pairs.size(); p++) {
                Pair pair = pairs.get(p);
                boolean styleFirst = round % 2 == 0;
                double first = score(styleFirst ? pair.style() : pair.reference());
                double second = score(styleFirst ? pair.reference() : pair.style());
                double style = styleFirst ? first : second;
                double reference = styleFirst ? second : first;
                ratios[p][round] = style / reference;
                System.out.printf("ROUND %d  %-48s %,12.0f / %,12.0f chunks/s = %.3f (%s first)%n", round + 1,
                        pair.name(), style, reference, ratios[p][round], styleFirst ? "style" : "reference");
            }
        }
        System.out.printf("%nmedian ratio of %d alternating rounds%n", rounds);
        for (int p = 0; p < pairs.size(); p++) {
            Pair pair = pairs.get(p);
            double[] r = ratios[p].clone();
            Arrays.sort(r);
            double median = r[r.length / 2];
            System.out.printf("%-48s median %.3f  (min %.3f, max %.3f)  target >= %.1f %s%n", pair.name(), median,
                    r[0], r[r.length - 1], pair.target(), median >= pair.target() ? "met" : "NOT met");
        }
    }

    /** One fork of one benchmark method; its primary score in chunks/s. */
    private static double score(String method) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(PairedRatios.class.getPackageName() + "." + method) + "$")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                .build();
        List<RunResult> results = new ArrayList<>(new Runner(options).run());
        if (results.size() != 1) {
            throw new IllegalStateException(method + ": expected one result, got " + results.size());
        }
        return results.get(0).getPrimaryResult().getScore();
    }
}
