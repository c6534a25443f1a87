package dev.switchboard.testkit.ollama;

import java.io.IOException;

/**
 * Ollama could not pull a model: the {@code error} of a {@code /api/pull} progress line (for an
 * unknown name Ollama sends {@code pull model manifest: file does not exist}, ollama-wire.md §2.3),
 * or a progress stream that ended before {@code "success"}.
 */
public final class OllamaPullException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String model;

    /**
     * @param model  the model that was being pulled
     * @param reason Ollama's error text, or what went wrong
     */
    public OllamaPullException(String model, String reason) {
        super("could not pull " + model + ": " + reason);
        this.model = model;
    }

    /** The model that was being pulled. */
    public String model() {
        return model;
    }
}
