package dev.switchboard.server.internal.upstream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.PausableEngineCall;

/**
 * One chat relayed upstream, on its own worker thread: opens the upstream stream, pulls each event
 * and hands it to the sink at once (nothing is held back, so tokens reach the caller as they
 * arrive), and ends the sink exactly once. A failure before the first event reached the sink is
 * tried on the next upstream the router offers; after it, it ends the answer with an error.
 *
 * <p>Every sink call and every state change happen under one lock, so nothing reaches the sink
 * after {@link #cancel()} returned. {@link #pause()} holds the pulling thread (the upstream's TCP
 * window then fills, holding the upstream back too); {@link #cancel()} closes the upstream stream,
 * which aborts a blocked read and cancels the upstream's HTTP request.
 */
public final class UpstreamCall implements PausableEngineCall, Runnable {

    /** Picks the next upstream for a request, excluding those already tried; null when none is left. */
    public interface Router {
        /**
         * @param tried the upstreams already tried for this request
         * @return the next upstream, already counted in flight ({@link UpstreamNode#acquire()}), or null
         */
        UpstreamNode next(List<UpstreamNode> tried);

        /** What to answer when no upstream is left to try and none was tried. */
        EngineException none();

        /** Marks {@code node} down because a request found it so. */
        void failed(UpstreamNode node, LlmException error);

        /** What the caller gets for {@code error} from {@code node} (mapped, secrets redacted). */
        EngineException toEngine(UpstreamNode node, LlmException error);
    }

    private final ChatRequest request;
    private final EngineSink sink;
    private final Router router;
    private final Executor closer;
    private final Object lock = new Object();
    private boolean cancelled;
    private boolean paused;
    private boolean ended;
    private ChatStream current;

    /**
     * @param request the request to relay, with its model resolved
     * @param sink    where the events go
     * @param router  chooses upstreams
     * @param closer  where {@link #cancel()} closes the upstream stream: closing may block briefly
     *                (a client may drain or tear down its connection), and cancel runs on an event loop
     */
    public UpstreamCall(ChatRequest request, EngineSink sink, Router router, Executor closer) {
        this.request = request;
        this.sink = sink;
        this.router = router;
        this.closer = closer;
    }

    @Override
    public void run() {
        List<UpstreamNode> tried = new ArrayList<>();
        LlmException lastError = null;
        UpstreamNode lastNode = null;
        while (!isCancelled()) {
            UpstreamNode node = router.next(tried);
            if (node == null) {
                break;
            }
            tried.add(node);
            try {
                Outcome outcome = relay(node);
                if (outcome.error == null) {
                    return;
                }
                lastError = outcome.error;
                lastNode = node;
                if (UpstreamErrors.upstreamDown(outcome.error)) {
                    router.failed(node, outcome.error);
                }
                if (outcome.delivered || !UpstreamErrors.tryElsewhere(outcome.error)) {
                    break;
                }
            } finally {
                node.release();
            }
        }
        if (lastError != null) {
            fail(router.toEngine(lastNode, lastError));
        } else {
            fail(router.none());
        }
    }

    /**
     * The upstream stream: a raw prompt ({@link Engine#RAW_PROMPT}, from {@code /v1/completions}) goes
     * out as a text completion where the upstream's client supports {@link Capability#COMPLETIONS}
     * (so the upstream continues the prompt without its chat template), otherwise as a chat, the
     * marker left out; every other request as the chat it is.
     */
    private ChatStream open(LlmClient client) {
        if (!Boolean.TRUE.equals(request.extensions().get(Engine.RAW_PROMPT))) {
            return client.stream(request);
        }
        Map<String, Object> extensions = new LinkedHashMap<>(request.extensions());
        extensions.remove(Engine.RAW_PROMPT);
        if (request.messages().size() == 1 && request.messages().get(0) instanceof ChatMessage.UserMessage prompt
                && client.capabilities().supports(Capability.COMPLETIONS)) {
            return client.streamCompletion(new CompletionRequest(request.model(), prompt.content(),
                    request.temperature(), request.topP(), request.maxTokens(), request.stop(), request.seed(),
                    extensions));
        }
        return client.stream(new ChatRequest(request.model(), request.messages(), request.tools(),
                request.temperature(), request.topP(), request.maxTokens(), request.stop(), request.seed(),
                request.responseFormat(), extensions));
    }

    /** How one attempt ended: null error for success; whether any event had reached the sink. */
    private record Outcome(LlmException error, boolean delivered) {
    }

    private Outcome relay(UpstreamNode node) {
        boolean delivered = false;
        ChatStream stream = null;
        try {
            stream = open(node.upstream().client());
            synchronized (lock) {
                if (cancelled) {
                    stream.close();
                    return new Outcome(null, false);
                }
                current = stream;
            }
            Iterator<ChatEvent> events = stream.iterator();
            while (events.hasNext()) {
                ChatEvent event = events.next();
                synchronized (lock) {
                    while (paused && !cancelled) {
                        lock.wait();
                    }
                    if (cancelled) {
                        return new Outcome(null, delivered);
                    }
                    sink.onEvent(event);
                    delivered = true;
                }
            }
            synchronized (lock) {
                if (!cancelled && !ended) {
                    ended = true;
                    sink.onComplete();
                }
            }
            return new Outcome(null, true);
        } catch (LlmException e) {
            if (isCancelled()) {
                return new Outcome(null, delivered); // the close we caused; the caller is gone
            }
            return new Outcome(e, delivered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return new Outcome(null, delivered);
        } catch (RuntimeException e) {
            if (isCancelled()) {
                return new Outcome(null, delivered);
            }
            return new Outcome(new LlmException(UpstreamErrors.reason(e), 0, null, null, e), delivered);
        } finally {
            if (stream != null) {
                closeQuietly(stream);
            }
            synchronized (lock) {
                current = null;
            }
        }
    }

    private void fail(EngineException error) {
        synchronized (lock) {
            if (!cancelled && !ended) {
                ended = true;
                sink.onError(error);
            }
        }
    }

    private boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    @Override
    public void cancel() {
        ChatStream stream;
        synchronized (lock) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            lock.notifyAll();
            stream = ended ? null : current;
        }
        if (stream != null) {
            try {
                closer.execute(() -> closeQuietly(stream)); // aborts the blocked read, cancels the upstream request
            } catch (RejectedExecutionException e) {
                closeQuietly(stream); // the engine is closing
            }
        }
    }

    /**
     * Closes {@code stream}, ignoring what a client throws when its close races the reading thread
     * (raw-http's OkHttp source can throw {@code IllegalStateException} then): the request is
     * cancelled either way, and cancel must never throw.
     */
    private static void closeQuietly(ChatStream stream) {
        try {
            stream.close();
        } catch (RuntimeException ignored) {
            // see above
        }
    }

    @Override
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }
}
