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

    /** The models this engine serves, for {@code /v1/models} and {@code /api/tags}. */
    List<ModelInfo> models();

    /**
     * Starts answering {@code request} and returns at once; the answer goes to {@code sink}, from
     * any thread, as events ending with exactly one {@code onComplete} or {@code onError}.
     *
     * @param request the request, its {@code model} as the client sent it (may be null)
     * @param sink    where the events go; never blocks the engine for long
     * @return a handle the server uses to cancel when the client goes away
     * @throws EngineException for a request the engine refuses before starting (unknown model: 404;
     *                         busy: 429 or 503; bad parameters: 400)
     */
    EngineCall chat(ChatRequest request, EngineSink sink);

    /**
     * Embeds the texts, in order.
     *
     * @throws EngineException as {@link #chat}
     */
    EmbeddingResponse embed(EmbeddingRequest request);

    /**
     * How {@code /v1} should carry this model's reasoning: {@code reasoning_content} (llama.cpp),
     * {@code reasoning} (Ollama {@code /v1}) or {@code <think>} tags inside {@code content}.
     * Natively it is always Ollama's {@code thinking}.
     */
    ReasoningShape reasoningShape(String model);

    /** Releases the engine's resources; idempotent. */
    @Override
    void close();
}
