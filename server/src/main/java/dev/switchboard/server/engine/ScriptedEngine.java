package dev.switchboard.server.engine;

import java.time.Duration;
import java.util.List;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;

/**
 * A deterministic engine for tests and offline demos: the same request always gets the same
 * answer, split into the same chunks. Its rules are documented in the server README.
 */
public final class ScriptedEngine implements Engine {

    /** The default chat model. */
    public static final String MODEL = "scripted";
    /** A model that reasons, carried on {@code /v1} as {@code reasoning_content}. */
    public static final String MODEL_REASONING_CONTENT = "scripted-reasoning-content";
    /** A model that reasons, carried on {@code /v1} as {@code reasoning}. */
    public static final String MODEL_REASONING = "scripted-reasoning";
    /** A model that reasons, carried on {@code /v1} as {@code <think>} tags in content. */
    public static final String MODEL_THINK_TAGS = "scripted-think-tags";
    /** The embedding model. */
    public static final String EMBEDDING_MODEL = "scripted-embed";
    /** The length of its embedding vectors. */
    public static final int EMBEDDING_DIMENSION = 256;

    /** An engine with one word per chunk and no delay. */
    public ScriptedEngine() {
        this(1, Duration.ZERO);
    }

    /**
     * @param wordsPerChunk how many words (with their following space) go in one chunk; 1 or more
     * @param chunkDelay    the pause before each chunk; zero for none
     */
    public ScriptedEngine(int wordsPerChunk, Duration chunkDelay) {
        throw new UnsupportedOperationException("not yet written");
    }

    @Override
    public List<ModelInfo> models() {
        throw new UnsupportedOperationException("not yet written");
    }

    @Override
    public EngineCall chat(ChatRequest request, EngineSink sink) {
        throw new UnsupportedOperationException("not yet written");
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        throw new UnsupportedOperationException("not yet written");
    }

    @Override
    public ReasoningShape reasoningShape(String model) {
        throw new UnsupportedOperationException("not yet written");
    }

    @Override
    public void close() {
    }
}
