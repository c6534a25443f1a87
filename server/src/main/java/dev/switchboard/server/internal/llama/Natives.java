package dev.switchboard.server.internal.llama;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.PoolingType;

/** How Switchboard loads java-llama.cpp: where its natives go and the model parameters it uses. */
public final class Natives {

    /** java-llama.cpp's property for where it extracts its native library; must be an existing directory. */
    public static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";

    /**
     * java-llama.cpp's properties for loading a native build of one's own: the directory
     * ({@code de.kherud.llama.lib.path}, tried before the library bundled in the jar) and the file
     * name ({@code de.kherud.llama.lib.name}); the probe's child JVM gets them too.
     */
    public static final List<String> LIBRARY_PROPERTIES = List.of("de.kherud.llama.lib.path", "de.kherud.llama.lib.name");

    private Natives() {
    }

    /**
     * Makes sure {@code de.kherud.llama.tmpdir}, if set, is an existing directory (java-llama.cpp
     * fails otherwise); when unset, sets it to {@code <java.io.tmpdir>/switchboard-llama-natives}.
     *
     * @return the directory
     * @throws UncheckedIOException if it cannot be created
     */
    public static Path prepareTmpdir() {
        String configured = System.getProperty(TMPDIR_PROPERTY);
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "switchboard-llama-natives");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + " for java-llama.cpp's native library", e);
        }
        if (configured == null) {
            System.setProperty(TMPDIR_PROPERTY, dir.toString());
        }
        return dir;
    }

    /**
     * The parameters for one model instance: one slot (one request at a time), {@code contextSize}
     * tokens, the given threads. With {@code embedding}, pooling LAST (the last token's hidden
     * state: the one pooling that tells inputs apart on a causal model; MEAN aborts the process in
     * this llama.cpp build) and a batch as large as the context, so one input fits one batch.
     * {@code quiet} silences llama.cpp's ~170 lines of load log on stderr (and its error reasons,
     * which is why the probe runs without it).
     */
    public static ModelParameters parameters(Path model, int contextSize, boolean jinja, int threads, boolean embedding,
            boolean quiet) {
        ModelParameters p = new ModelParameters()
                .setModel(model.toString())
                .setCtxSize(contextSize)
                .setParallel(1)
                .setThreads(threads)
                .setThreadsBatch(threads);
        if (quiet) {
            p.disableLog();
        }
        if (jinja) {
            p.enableJinja();
        }
        if (embedding) {
            p.enableEmbedding().setPoolingType(PoolingType.LAST).setBatchSize(contextSize).setUbatchSize(contextSize);
        }
        return p;
    }
}
