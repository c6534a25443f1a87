package dev.switchboard.server.engine;

/**
 * The three ways {@code /v1} servers carry reasoning; each constant names the servers that use it.
 * Readers in {@code dev.switchboard.core.wire} accept all three at once.
 */
public enum ReasoningShape {
    /** {@code delta.reasoning_content}: llama.cpp's llama-server, DeepSeek. */
    REASONING_CONTENT,
    /** {@code delta.reasoning}: Ollama's {@code /v1}, newer vLLM. */
    REASONING,
    /** {@code <think>…</think>} inside {@code content}: reasoning models served raw. */
    THINK_TAGS
}
