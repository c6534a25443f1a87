package dev.switchboard.server.internal.rag;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.PausableEngineCall;
import dev.switchboard.server.engine.ReasoningShape;
import dev.switchboard.server.internal.ServerContext;

/**
 * The server's engine, for one RAG request: {@link #chat} first sends the waiting message (if
 * any) as a text event, then, on a worker thread, retrieves and hands the request, with the
 * passages as context, to the server's engine (engines may be called from any thread), whose
 * events it passes on. Everything else is the
 * server engine's. At most {@value #MAX_PENDING_RETRIEVALS} retrievals wait or run at once over the
 * server; past that a request is refused with 503.
 */
final class RagEngine implements Engine {

    /** Retrievals waiting for or running on a worker thread, over every RAG request of a server. */
    static final int MAX_PENDING_RETRIEVALS = 64;

    private final ServerContext server;
    private final KnowledgeBase knowledge;
    private final String query;
    private final String waitingMessage;
    private final AtomicInteger pending;

    /**
     * @param waitingMessage the text sent first, or null for none
     * @param pending        the route's count of retrievals waiting or running
     */
    RagEngine(ServerContext server, KnowledgeBase knowledge, String query, String waitingMessage,
            AtomicInteger pending) {
        this.server = server;
        this.pending = pending;
        this.knowledge = knowledge;
        this.query = query;
        this.waitingMessage = waitingMessage;
    }

    @Override
    public List<ModelInfo> models() {
        return server.engine().models();
    }

    @Override
    public EngineCall chat(ChatRequest request, EngineSink sink) {
        if (pending.incrementAndGet() > MAX_PENDING_RETRIEVALS) {
            pending.decrementAndGet();
            throw new EngineException(503, "RAG: " + MAX_PENDING_RETRIEVALS + " retrievals are already waiting; try again");
        }
        Call call = new Call(request, sink);
        call.start();
        return call;
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        return server.engine().embed(request);
    }

    @Override
    public ReasoningShape reasoningShape(String model) {
        return server.engine().reasoningShape(model);
    }

    /** Nothing to release: the server's engine is the server's to close. */
    @Override
    public void close() {
    }

    /** One RAG answer: the waiting message, the retrieval, then the engine's call. */
    private final class Call implements PausableEngineCall, EngineSink {
        private final ChatRequest request;
        private final EngineSink sink;
        private volatile boolean cancelled;
        private volatile boolean paused;
        private volatile EngineCall inner;

        Call(ChatRequest request, EngineSink sink) {
            this.request = request;
            this.sink = sink;
        }

        /**
         * Sends the waiting message, then retrieves and starts the engine's call on a worker thread:
         * neither the embedding of the query nor the engine's {@code chat} runs on an event loop.
         */
        void start() {
            if (waitingMessage != null && !waitingMessage.isEmpty()) {
                sink.onEvent(new ChatEvent.TextDelta(waitingMessage));
            }
            server.vertx().executeBlocking(() -> {
                try {
                    List<KnowledgeBase.Hit> hits = knowledge.search(query);
                    if (!cancelled) {
                        startEngine(RagRoute.withContext(request, hits));
                    }
                } catch (RuntimeException e) {
                    if (!cancelled) {
                        sink.onError(failure(e));
                    }
                } finally {
                    pending.decrementAndGet();
                }
                return null;
            }, false);
        }

        private void startEngine(ChatRequest withContext) {
            EngineCall call;
            try {
                call = server.engine().chat(withContext, this);
            } catch (EngineException e) {
                sink.onError(e);
                return;
            } catch (RuntimeException e) {
                sink.onError(new EngineException(500, "engine failed: " + e));
                return;
            }
            inner = call;
            if (cancelled) {
                call.cancel();
            } else if (paused && call instanceof PausableEngineCall p) {
                p.pause();
            }
        }

        private EngineException failure(Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof EngineException e) {
                    return new EngineException(e.status(), "RAG retrieval failed: " + e.getMessage(), e.retryAfter());
                }
            }
            return new EngineException(500, "RAG retrieval failed: " + cause.getMessage());
        }

        @Override
        public void onEvent(ChatEvent event) {
            sink.onEvent(event);
        }

        @Override
        public void onComplete() {
            sink.onComplete();
        }

        @Override
        public void onError(Throwable error) {
            sink.onError(error);
        }

        @Override
        public void cancel() {
            cancelled = true;
            EngineCall c = inner;
            if (c != null) {
                c.cancel();
            }
        }

        @Override
        public void pause() {
            paused = true;
            if (inner instanceof PausableEngineCall p) {
                p.pause();
            }
        }

        @Override
        public void resume() {
            paused = false;
            if (inner instanceof PausableEngineCall p) {
                p.resume();
            }
        }
    }
}
