package dev.switchboard.benchmarks;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.gguf.DemoModel;

/**
 * Decode speed of the in-process llama.cpp engine on the generated demo model (random weights —
 * text is not meaningful): tokens per second from java-llama.cpp itself (a second instance of the
 * model, its {@code generate} iterator read in a loop: the native call and nothing else), calling
 * the engine directly ({@code Engine.chat} with a sink: the native call plus the engine's queue
 * hop, stop matching and event hand-off), and streaming the same request through the HTTP front
 * ({@code /v1/chat/completions}, SSE, read line by line with the JDK client). Rounds interleave the
 * three, so a disturbance on the machine hits all alike. Prints median and best per path, their
 * ratios, and the per-token overhead above the native call in microseconds (the difference of the
 * median time per token). A harness that prints figures, not a test.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec@llama}.
 */
public final class LlamaTokensPerSecond {

    private static final int TOKENS = 256;
    private static final int WARMUP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 15;
    private static final String PROMPT = "Write a long story about a river, a cat and the moon.";

    private LlamaTokensPerSecond() {
    }

    /** Loads the demo model, measures, prints, and exits (java-llama.cpp leaves a native thread). */
    public static void main(String[] args) throws Exception {
        Path models = Path.of(System.getProperty("switchboard.models", "target/models"));
        LlamaCppEngine engine = LlamaCppEngine.demo(models, DemoModel.DEFAULT_SEED).queueCapacity(0).build();
        try (SwitchboardServer server = SwitchboardServer.start(engine);
             LlamaModel bare = new LlamaModel(new ModelParameters().setModel(engine.modelFile().toString())
                     .setCtxSize(engine.contextSize()).setParallel(1).setThreads(1).setThreadsBatch(1).disableLog())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            double[] nativeCall = new double[MEASURED_ROUNDS];
            double[] direct = new double[MEASURED_ROUNDS];
            double[] overHttp = new double[MEASURED_ROUNDS];
            for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
                double n = bare(bare, round);
                double d = direct(engine, round);
                double h = overHttp(http, server.openAiBaseUrl(), round);
                if (round >= 0) {
                    nativeCall[round] = n;
                    direct[round] = d;
                    overHttp[round] = h;
                }
            }
            Arrays.sort(nativeCall);
            Arrays.sort(direct);
            Arrays.sort(overHttp);
            System.out.println(engine.description());
            System.out.printf("%d completion tokens a request, %d rounds (after %d warm-up), %d cores; %s%n",
                    TOKENS, MEASURED_ROUNDS, WARMUP_ROUNDS, Runtime.getRuntime().availableProcessors(),
                    DemoModel.NOTICE);
            print("java-llama.cpp alone (generate loop)", nativeCall);
            print("engine directly (Engine.chat + sink)", direct);
            print("through HTTP (/v1 SSE, JDK client)", overHttp);
            System.out.printf("engine / native (medians): %.2f; HTTP / direct (medians): %.2f%n",
                    median(direct) / median(nativeCall), median(overHttp) / median(direct));
            System.out.printf("per-token overhead above the native call: engine %.1f us, engine + HTTP %.1f us%n",
                    1e6 / median(direct) - 1e6 / median(nativeCall), 1e6 / median(overHttp) - 1e6 / median(nativeCall));
        }
        System.exit(0);
    }

    private static void print(String name, double[] sorted) {
        System.out.printf("%-38s median %7.0f tokens/s   best %7.0f   worst %7.0f%n", name, median(sorted),
                sorted[sorted.length - 1], sorted[0]);
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static ChatRequest request(int round) {
        return ChatRequest.builder().user(PROMPT).maxTokens(TOKENS).seed((long) round + 100).temperature(0.8).build();
    }

    /** The demo model's ChatML, as the engine renders a one-message conversation. */
    private static double bare(LlamaModel model, int round) {
        String prompt = "<|im_start|>user\n" + PROMPT + "<|im_end|>\n<|im_start|>assistant\n";
        InferenceParameters parameters = new InferenceParameters(prompt).setNPredict(TOKENS).setCachePrompt(true)
                .setTemperature(0.8f).setSeed(round + 100);
        long start = System.nanoTime();
        int pieces = 0;
        for (LlamaOutput piece : model.generate(parameters)) {
            if (!piece.text.isEmpty()) {
                pieces++;
            }
        }
        return check(pieces) / ((System.nanoTime() - start) / 1e9);
    }

    private static double direct(LlamaCppEngine engine, int round) throws Exception {
        AtomicInteger deltas = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        engine.chat(request(round), new EngineSink() {
            @Override
            public void onEvent(ChatEvent event) {
                if (event instanceof ChatEvent.TextDelta) {
                    deltas.incrementAndGet();
                }
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        done.get(120, TimeUnit.SECONDS);
        return check(deltas.get()) / ((System.nanoTime() - start) / 1e9);
    }

    private static double overHttp(HttpClient http, String baseUrl, int round) throws Exception {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}],\"stream\":true,"
                + "\"max_tokens\":" + TOKENS + ",\"seed\":" + (round + 100) + ",\"temperature\":0.8}";
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        int deltas = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals("data: [DONE]")) {
                if (line.startsWith("data: ") && line.contains("\"content\":\"")) {
                    deltas++;
                }
            }
        }
        return check(deltas) / ((System.nanoTime() - start) / 1e9);
    }

    /** Every request must have produced all its tokens, one delta each, or the figure means nothing. */
    private static int check(int deltas) {
        if (deltas != TOKENS) {
            throw new IllegalStateException("expected " + TOKENS + " text deltas, got " + deltas);
        }
        return deltas;
    }
}
