package dev.switchboard.server.engine;

import java.nio.file.Path;

/**
 * A model file that could not be served: not a well-formed GGUF, a file or chat template the
 * bundled llama.cpp cannot handle, or a native library that does not load on this platform. The
 * message reads {@code model could not be loaded: <file>: <reason>}; the JVM that asked is
 * unaffected, because native loading is tried first in a child process.
 */
public final class ModelLoadException extends RuntimeException {

    private final transient Path model;
    private final boolean nativeLibraryUnavailable;

    /**
     * @param model                    the model file
     * @param reason                   what went wrong, for a person
     * @param nativeLibraryUnavailable whether the failure came before any model was read: the
     *                                 native library itself did not load
     */
    public ModelLoadException(Path model, String reason, boolean nativeLibraryUnavailable) {
        super("model could not be loaded: " + model + ": " + reason);
        this.model = model;
        this.nativeLibraryUnavailable = nativeLibraryUnavailable;
    }

    /** The model file. */
    public Path model() {
        return model;
    }

    /**
     * Whether java-llama.cpp's native library could not be loaded at all on this platform (then no
     * model can be served in-process, and a caller may fall back to another engine).
     */
    public boolean nativeLibraryUnavailable() {
        return nativeLibraryUnavailable;
    }
}
