package dev.switchboard.core.wire;

/**
 * Where a {@code /v1} answer carries the model's reasoning when a server writes it: the three
 * shapes real servers use, each constant naming who sends it. Readers accept all three at once;
 * only a writer has to choose. The constant names match the server's {@code ReasoningShape}, so
 * {@code ReasoningField.valueOf(shape.name())} converts.
 */
public enum ReasoningField {
    /**
     * {@code message.reasoning_content} / {@code delta.reasoning_content}: llama.cpp's llama-server,
     * DeepSeek. The default.
     */
    REASONING_CONTENT("reasoning_content"),
    /** {@code message.reasoning} / {@code delta.reasoning}: Ollama's {@code /v1} (ollama-wire.md 3.3), newer vLLM. */
    REASONING("reasoning"),
    /** {@code <think>…</think>} at the start of {@code content}: reasoning models served raw. */
    THINK_TAGS(null);

    private final String fieldName;

    ReasoningField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The JSON field name, or null for {@link #THINK_TAGS}. */
    public String fieldName() {
        return fieldName;
    }
}
