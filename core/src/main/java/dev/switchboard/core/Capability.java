package dev.switchboard.core;

/**
 * Something an {@link LlmClient} style may or may not do. The contract suite skips, with the
 * style's reason, the cases whose capability a style declares unsupported.
 */
public enum Capability {
    /** {@link LlmClient#stream} delivers events incrementally. */
    STREAMING,
    /** Tools in requests and tool calls in answers. */
    TOOLS,
    /** {@link LlmClient#embed}. */
    EMBEDDINGS,
    /** {@link LlmClient#models}. */
    MODELS,
    /** Reasoning separated from the answer text, in every shape servers send. */
    REASONING,
    /** Usage reported at the end of a stream. */
    STREAM_USAGE,
    /** {@link ChatStream#close()} mid-way closes the connection. */
    CANCELLATION,
    /** {@link ChatRequest#extensions()} reach the server as top-level fields. */
    EXTENSIONS,
    /**
     * Text completions, {@code POST /v1/completions}: {@link LlmClient#complete} and
     * {@link LlmClient#streamCompletion}; a style without it throws
     * {@link dev.switchboard.core.error.UnsupportedCapabilityException} from both.
     */
    COMPLETIONS
}
