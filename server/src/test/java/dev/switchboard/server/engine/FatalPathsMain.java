package dev.switchboard.server.engine;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.FinishReason;

/**
 * One native fatal path per run, in a JVM of its own ({@link FatalPathsTest} starts it), so that a
 * path that kills the process fails that test instead of the whole test run. Prints
 * {@code outcome: ...} lines, then {@code alive} and exits 0 when the JVM survived.
 *
 * <p>Arguments: the case ({@code close-during-generation}) and a directory for the model files.
 */
final class FatalPathsMain {

    private FatalPathsMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "close-during-generation" -> closeDuringGeneration(dir);
                default -> throw new IllegalArgumentException("unknown case " + args[0]);
            }
        } catch (Exception e) {
            System.out.println("outcome: " + e);
            System.out.flush();
            System.exit(1); // the engine's threads would keep this JVM up
        }
        // the native library still serves a good model in this JVM
        try (LlamaCppEngine engine = LlamaCppEngine.demo(dir, 2).probe(false).build()) {
            boolean finished = Engines.collect(engine, ChatRequest.builder().user("hello").maxTokens(3).build())
                    .contains(new ChatEvent.Finish(FinishReason.LENGTH));
            System.out.println("outcome: a new engine answers: " + finished);
        }
        System.out.println("alive");
        System.out.flush();
        System.exit(0); // llama.cpp leaves a non-daemon thread per loaded model
    }

    /** Closes the engine from another thread while it generates a long answer. */
    private static void closeDuringGeneration(Path dir) throws Exception {
        LlamaCppEngine engine = LlamaCppEngine.demo(dir, 1).probe(false).build();
        CountDownLatch firstToken = new CountDownLatch(1);
        CompletableFuture<String> ended = new CompletableFuture<>();
        engine.chat(ChatRequest.builder().user("Tell me a long story").maxTokens(engine.contextSize() - 100).build(),
                new EngineSink() {
                    @Override
                    public void onEvent(ChatEvent event) {
                        if (event instanceof ChatEvent.TextDelta) {
                            firstToken.countDown();
                        }
                        if (event instanceof ChatEvent.Finish finish) {
                            ended.complete("finished " + finish.reason());
                        }
                    }

                    @Override
                    public void onComplete() {
                        ended.complete("completed");
                    }

                    @Override
                    public void onError(Throwable error) {
                        ended.complete("error " + error.getClass().getSimpleName() + ": " + error.getMessage());
                    }
                });
        if (!firstToken.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no token within 60 s");
        }
        engine.close();
        System.out.println("outcome: closed while generating; the answer ended: " + ended.get(30, TimeUnit.SECONDS));
        System.out.println("outcome: tokens generated " + engine.generatedTokens() + " of " + (engine.contextSize() - 100));
        try {
            Engines.collect(engine, ChatRequest.builder().user("again").maxTokens(3).build());
            System.out.println("outcome: the closed engine answered");
        } catch (RuntimeException e) {
            System.out.println("outcome: the closed engine refuses: " + e.getClass().getSimpleName());
        }
    }
}
