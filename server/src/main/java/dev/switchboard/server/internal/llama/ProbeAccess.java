package dev.switchboard.server.internal.llama;

import java.util.List;

import de.kherud.llama.LlamaModel;

import dev.switchboard.server.gguf.GgufFile;

/** The template rendering and its checks, shared by the probe child and the serving engine. */
public final class ProbeAccess {

    /** The conversation the probe renders. */
    public static final List<ChatPrompt.Turn> SAMPLE = ProbeMain.SAMPLE;

    private ProbeAccess() {
    }

    /**
     * Renders {@code turns} with the model's chat template, contents filled in.
     *
     * @throws RuntimeException if llama.cpp fell back to ChatML or the template lost a message
     */
    public static String render(LlamaModel llama, GgufFile gguf, List<ChatPrompt.Turn> turns) {
        return ProbeMain.render(llama, gguf, turns);
    }

    /**
     * Renders {@code turns} and OpenAI's {@code tools} array ({@code toolsJson}, null for none) with
     * the model's chat template, contents filled in.
     *
     * @throws RuntimeException if llama.cpp fell back to ChatML or the template lost a message
     */
    public static String render(LlamaModel llama, GgufFile gguf, List<ChatPrompt.Turn> turns, String toolsJson) {
        return ProbeMain.render(llama, gguf, turns, toolsJson);
    }

    /** A sentence for a rendering failure. */
    public static String describe(RuntimeException e) {
        if (e instanceof ProbeMain.TemplateFallback) {
            return "llama.cpp does not support its chat template (it would silently use ChatML instead)";
        }
        return "its chat template failed: " + e.getMessage();
    }
}
