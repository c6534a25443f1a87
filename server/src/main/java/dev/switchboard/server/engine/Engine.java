package dev.switchboard.server.engine;

import java.util.List;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;

/**
 * What answers the requests behind a {@link dev.switchboard.server.SwitchboardServer}: the
 * scripted engine, an in-process model, or an upstream proxy. The server owns the wire (both
 * {@code /v1} and Ollama's {@code /api}); an engine only sees core types.
 *
 * <p>Implementations must be thread-safe: the server calls them from many connections at once.
 * An engine that can serve one generation at a time queues or rejects (throwing
 * {@link EngineException} with 429 or 503), never interleaves.
 */
public interface Engine extends AutoCloseable {

    /**
     * The {@link ChatRequest#extensions()} key, with value {@code true}, that marks a raw prompt: a
     * {@code /v1/completions} request, whose single user message is the prompt to continue as it
     * is, without a chat template (Ollama's {@code raw} of {@code /api/generate}, ollama-wire.md
     * section 8). An engine that renders templates honours it ({@code LlamaCppEngine}); one that
     * does not ({@code ScriptedEngine}) answers the message as for chat.
     */
    String RAW_PROMPT = "raw";

    /**
     * The models this engine serves, for {@code /v1/models} and {@code /api/tags} (where it is
     * called on a worker thread). The first is the model named in answers to requests that name
     * none. Keep it cheap: the server also calls it once when starting and, to check a model name
     * bound to a fault, on an event-loop thread. If it throws, those two routes answer 500.
     */
    List<ModelInfo> models();

    /**
     * Starts answering {@code request} and returns at once; the answer goes to {@code sink}, from
     * any thread, as events ending with exactly one {@code onComplete} or {@code onError}. Called
     * on one of the server's worker threads (Vert.x's bounded worker pool, four threads), never on
     * an event loop; it should still return soon, as every chat waits for a worker. Any other
     * exception thrown here is answered 500.
     *
     * @param request the request, its {@code model} as the client sent it (may be null; null also
     *                for a model name bound to a fault that this engine does not list)
     * @param sink    where the events go; never blocks the engine for long
     * @return a handle the server uses to cancel when the client goes away; a
     *         {@link PausableEngineCall} if the engine can be held back for a slow client
     * @throws EngineException for a request the engine refuses before starting (unknown model: 404;
     *                         busy: 429 or 503; bad parameters: 400)
     */
    EngineCall chat(ChatRequest request, EngineSink sink);

    /**
     * Embeds the texts: one vector per input, in input order. Called on a worker thread, so it may
     * block. Any other exception thrown here is answered 500.
     *
     * @param request the request, its {@code model} as the client sent it (may be null)
     * @throws EngineException as {@link #chat}
     */
    EmbeddingResponse embed(EmbeddingRequest request);

    /**
     * How {@code /v1} should carry this model's reasoning: {@code reasoning_content} (llama.cpp),
     * {@code reasoning} (Ollama {@code /v1}) or {@code <think>} tags inside {@code content}.
     * Natively it is always Ollama's {@code thinking}. Called on an event-loop thread at most once per
     * {@code /v1} chat request, with the model named in the answer (as sent, else the first of
     * {@link #models()}).
     */
    ReasoningShape reasoningShape(String model);

    /**
     * Whether the engine can answer now, for {@code GET /health} (200 when healthy, 503 with the
     * reason otherwise). Called on a worker thread; keep it cheap. The default is healthy when
     * {@link #models()} answers and unavailable with its failure when it throws; an engine that
     * knows better (closed, loading, upstreams down) overrides it.
     */
    default EngineHealth health() {
        try {
            models();
            return EngineHealth.ok();
        } catch (RuntimeException e) {
            return EngineHealth.unavailable("the engine cannot list its models: " + e);
        }
    }

    /** Releases the engine's resources; idempotent. Called by {@code SwitchboardServer.close()}. */
    @Override
    void close();
}
