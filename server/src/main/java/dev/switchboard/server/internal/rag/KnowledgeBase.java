package dev.switchboard.server.internal.rag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.server.RagOptions;
import dev.switchboard.server.engine.Engine;

/**
 * The RAG route's knowledge: passages of the text and Markdown files of one directory, each with
 * its unit-length embedding, searched by cosine similarity. Loaded once at start (see
 * {@link RagOptions} for the rules and caps); immutable afterwards and thread-safe. Searching
 * embeds the query through the engine, so it blocks: call it on a worker thread.
 */
public final class KnowledgeBase {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final int BATCH = 16;

    /**
     * One passage.
     *
     * @param file   its file, relative to the knowledge directory, with {@code /} separators
     * @param text   the passage text
     * @param vector its embedding, scaled to unit length
     */
    public record Passage(String file, String text, float[] vector) {
    }

    /**
     * A passage found for a query.
     *
     * @param passage the passage
     * @param score   cosine similarity to the query, -1 to 1
     */
    public record Hit(Passage passage, double score) {
    }

    private final Engine engine;
    private final RagOptions options;
    private final List<Passage> passages;

    private KnowledgeBase(Engine engine, RagOptions options, List<Passage> passages) {
        this.engine = engine;
        this.options = options;
        this.passages = List.copyOf(passages);
    }

    /**
     * Reads, splits and embeds the directory's files; blocks until done.
     *
     * @throws IllegalArgumentException if the directory does not exist, is not a directory, or
     *                                  yields no passage
     * @throws IllegalStateException    if the engine fails to embed the passages
     * @throws UncheckedIOException     if the directory cannot be listed
     */
    public static KnowledgeBase load(RagOptions options, Engine engine) {
        Path dir = options.directory();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("RAG knowledge directory " + dir.toAbsolutePath()
                    + " does not exist or is not a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, 8)) {
            files = walk.filter(Files::isRegularFile).filter(KnowledgeBase::isText)
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list RAG knowledge directory " + dir.toAbsolutePath(), e);
        }
        if (files.size() > options.maxFiles()) {
            LOG.warn("RAG: {} text files in {}; reading the first {} (maxFiles)", files.size(), dir, options.maxFiles());
            files = files.subList(0, options.maxFiles());
        }
        List<String[]> pieces = new ArrayList<>(); // {file, text}
        for (Path file : files) {
            if (pieces.size() >= options.maxPassages()) {
                LOG.warn("RAG: {} passages reached (maxPassages); {} and later files left out", options.maxPassages(),
                        file);
                break;
            }
            String name = dir.relativize(file).toString().replace('\\', '/');
            String text;
            try {
                if (Files.size(file) > options.maxFileBytes()) {
                    LOG.warn("RAG: {} is larger than {} bytes (maxFileBytes); skipped", name, options.maxFileBytes());
                    continue;
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("RAG: cannot read {} as UTF-8 text; skipped ({})", name, e.toString());
                continue;
            }
            for (String passage : Passages.split(text, options.maxPassageChars())) {
                if (pieces.size() >= options.maxPassages()) {
                    break;
                }
                pieces.add(new String[] {name, passage});
            }
        }
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("RAG knowledge directory " + dir.toAbsolutePath()
                    + " holds no .txt or .md file with text");
        }
        List<Passage> passages = new ArrayList<>(pieces.size());
        for (int from = 0; from < pieces.size(); from += BATCH) {
            List<String[]> batch = pieces.subList(from, Math.min(pieces.size(), from + BATCH));
            List<float[]> vectors = embed(engine, options, batch.stream().map(p -> p[1]).toList());
            for (int i = 0; i < batch.size(); i++) {
                passages.add(new Passage(batch.get(i)[0], batch.get(i)[1], vectors.get(i)));
            }
        }
        LOG.info("RAG: {} passages from {} files in {}", passages.size(), files.size(), dir.toAbsolutePath());
        return new KnowledgeBase(engine, options, passages);
    }

    /** The passages, in file order. */
    public List<Passage> passages() {
        return passages;
    }

    /**
     * The {@link RagOptions#topK()} passages closest to {@code query}, best first. Embeds the query
     * (cut to 4 passages' length) through the engine: blocks.
     *
     * @throws RuntimeException whatever the engine throws
     */
    public List<Hit> search(String query) {
        String cut = query.length() > 4 * options.maxPassageChars() ? query.substring(0, 4 * options.maxPassageChars())
                : query;
        float[] q = embed(engine, options, List.of(cut)).get(0);
        List<Hit> hits = new ArrayList<>(passages.size());
        for (Passage p : passages) {
            hits.add(new Hit(p, dot(q, p.vector())));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return List.copyOf(hits.subList(0, Math.min(options.topK(), hits.size())));
    }

    private static List<float[]> embed(Engine engine, RagOptions options, List<String> texts) {
        EmbeddingResponse response;
        try {
            response = engine.embed(new EmbeddingRequest(options.embeddingModel(), texts));
        } catch (RuntimeException e) {
            throw new IllegalStateException("RAG: the engine failed to embed: " + e.getMessage(), e);
        }
        if (response.vectors().size() != texts.size()) {
            throw new IllegalStateException("RAG: the engine gave " + response.vectors().size() + " vectors for "
                    + texts.size() + " texts");
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (float[] v : response.vectors()) {
            out.add(unit(v));
        }
        return out;
    }

    private static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        float[] out = new float[v.length];
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) (v[i] / norm);
            }
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown");
    }
}
