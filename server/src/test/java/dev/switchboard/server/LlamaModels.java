package dev.switchboard.server;

import java.nio.file.Path;

import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.gguf.DemoModel;

/**
 * The model the llama.cpp engine tests serve: {@code LLM_MODEL_FILE} if set (a GGUF file the user
 * already has, e.g. from their Ollama store), else the generated demo model (random weights — text
 * is not meaningful) written under {@code target/models}.
 */
final class LlamaModels {

    private LlamaModels() {
    }

    /** A builder for the model under test; each test class loads it once. */
    static LlamaCppEngine.Builder builder() {
        String file = System.getenv("LLM_MODEL_FILE");
        if (file != null && !file.isBlank()) {
            return LlamaCppEngine.builder(Path.of(file)).contextSize(2048).defaultMaxTokens(64);
        }
        return LlamaCppEngine.demo(modelsDirectory(), DemoModel.DEFAULT_SEED);
    }

    /** Where the tests write generated models: {@code target/models} under Maven. */
    static Path modelsDirectory() {
        return Path.of(System.getProperty("switchboard.models", "target/models"));
    }
}
