package dev.switchboard.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.Usage;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.PausableEngineCall;
import dev.switchboard.server.engine.ReasoningShape;
import dev.switchboard.server.engine.ScriptedEngine;

/** Engines for server tests: one that counts cancels, one that floods, one that fails. */
final class TestEngines {

    private TestEngines() {
    }

    /** An engine whose {@code chat} is the given function; models "test". */
    static Engine chatting(BiFunction<ChatRequest, EngineSink, EngineCall> chat) {
        return new Engine() {
            @Override
            public List<ModelInfo> models() {
                return List.of(new ModelInfo("test", "test", 0));
            }

            @Override
            public EngineCall chat(ChatRequest request, EngineSink sink) {
                return chat.apply(request, sink);
            }

            @Override
            public EmbeddingResponse embed(EmbeddingRequest request) {
                throw new IllegalStateException("embeddings are broken in this engine");
            }

            @Override
            public ReasoningShape reasoningShape(String model) {
                return ReasoningShape.REASONING_CONTENT;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The scripted engine, counting its calls and their cancels. */
    static final class CountingCancels implements Engine {
        final ScriptedEngine scripted;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();

        CountingCancels(ScriptedEngine scripted) {
            this.scripted = scripted;
        }

        @Override
        public List<ModelInfo> models() {
            return scripted.models();
        }

        @Override
        public EngineCall chat(ChatRequest request, EngineSink sink) {
            calls.incrementAndGet();
            EngineCall call = scripted.chat(request, sink);
            return () -> {
                cancels.incrementAndGet();
                call.cancel();
            };
        }

        @Override
        public EmbeddingResponse embed(EmbeddingRequest request) {
            return scripted.embed(request);
        }

        @Override
        public ReasoningShape reasoningShape(String model) {
            return scripted.reasoningShape(model);
        }

        @Override
        public void close() {
            scripted.close();
        }
    }

    /**
     * Sends {@code chunks} text events of 1 KiB as fast as it may, on its own thread; pausable. After
     * {@link #PAUSE_EXPECTED_AFTER} events it waits (up to 10 s) for the server's first pause: the
     * server can pause a call only once {@code chat()} has returned it, and on a busy machine a
     * producer started inside {@code chat()} could otherwise send every event before then, leaving
     * nothing to resume.
     */
    static final class Flood implements PausableEngineCall, Runnable {
        /** More than the server's high-water mark (64 waiting events), so a pause is due by then. */
        static final int PAUSE_EXPECTED_AFTER = 100;
        final int chunks;
        final EngineSink sink;
        final AtomicInteger pauses = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();
        private boolean paused;
        private boolean cancelled;

        Flood(int chunks, EngineSink sink) {
            this.chunks = chunks;
            this.sink = sink;
        }

        @Override
        public void run() {
            String text = "x".repeat(1023) + " ";
            for (int i = 0; i < chunks; i++) {
                synchronized (this) {
                    long giveUp = System.nanoTime() + 10_000_000_000L;
                    while (i == PAUSE_EXPECTED_AFTER && pauses.get() == 0 && !cancelled && System.nanoTime() < giveUp) {
                        try {
                            wait(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    while (paused && !cancelled) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (cancelled) {
                        return;
                    }
                }
                sink.onEvent(new ChatEvent.TextDelta(text));
            }
            sink.onEvent(new ChatEvent.UsageEvent(Usage.of(1, chunks)));
            sink.onEvent(new ChatEvent.Finish(FinishReason.STOP));
            sink.onComplete();
        }

        @Override
        public synchronized void pause() {
            paused = true;
            pauses.incrementAndGet();
            notifyAll();
        }

        @Override
        public synchronized void resume() {
            paused = false;
            resumes.incrementAndGet();
            notifyAll();
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }
    }
}
