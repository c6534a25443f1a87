package dev.switchboard.server.internal.llama;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.server.gguf.GgufFile;

/**
 * What the llama.cpp engine learns from a model file before llama.cpp sees it: the GGUF read with
 * our own reader and checked for what llama.cpp needs, the default context size, the default
 * served name and the modification time.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * Reads {@code modelFile} as GGUF and checks that it names its architecture, has a tokenizer
     * ({@code tokenizer.ggml.tokens}) and an {@code <architecture>.embedding_length}.
     *
     * @throws ModelLoadException if the file is missing, not a well-formed GGUF, or lacks one of these
     */
    public static GgufFile read(Path modelFile) {
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelLoadException(modelFile, "no such file", false);
        }
        GgufFile gguf;
        try {
            gguf = GgufFile.read(modelFile);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            String prefix = modelFile + " ";
            throw new ModelLoadException(modelFile, message.startsWith(prefix) ? message.substring(prefix.length())
                    : message, false);
        }
        if (gguf.architecture().isEmpty()) {
            throw new ModelLoadException(modelFile, "its metadata has no general.architecture", false);
        }
        if (gguf.arrayLength("tokenizer.ggml.tokens").orElse(0L) == 0) {
            throw new ModelLoadException(modelFile, "it has no tokenizer (tokenizer.ggml.tokens)", false);
        }
        if (gguf.embeddingLength().isEmpty()) {
            throw new ModelLoadException(modelFile, "its metadata has no " + gguf.architecture().get()
                    + ".embedding_length", false);
        }
        return gguf;
    }

    /**
     * The context size in tokens when none is set: the model's trained {@code context_length}
     * (4,096 if it names none), at least 16 and at most 4,096.
     */
    public static int defaultContextSize(GgufFile gguf) {
        return (int) Math.max(16, Math.min(4096, gguf.contextLength().orElse(4096L)));
    }

    /** The name to serve {@code file} under by default: its file name without {@code .gguf}. */
    public static String defaultName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".gguf") ? name.substring(0, name.length() - 5) : name;
    }

    /** {@code file}'s modification time in seconds since the epoch; 0 if it cannot be read. */
    public static long lastModifiedSeconds(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() / 1000;
        } catch (IOException e) {
            return 0;
        }
    }
}
