package dev.switchboard.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The RAG route, {@code POST /rag/chat/completions}: where its knowledge base comes from and how it
 * answers. Give it to {@link SwitchboardServer.Builder#rag(RagOptions)}; without it the route
 * answers 404.
 *
 * <p>At start the server reads every {@code .txt}, {@code .md} and {@code .markdown} file under
 * {@link #directory()} (sorted by path, at most 8 directories deep), splits each into passages of
 * whole paragraphs up to {@link #maxPassageChars()} characters (a longer paragraph is cut at a
 * space), and embeds them through the engine's embedding model (for an upstream engine, the
 * upstream's). A missing directory, or one without any text to embed, stops {@code start()} with
 * an {@link IllegalArgumentException} naming it: a RAG route with nothing to retrieve is a mistake
 * worth failing on. The caps bound memory and start-up time: files past {@link #maxFiles()}, files
 * over {@link #maxFileBytes()} and passages past {@link #maxPassages()} are left out, each with a
 * logged warning.
 *
 * <p>Immutable; build with {@link #builder(Path)}.
 *
 * @param directory       the knowledge directory
 * @param waitingMessage  the text streamed first, as its own content chunk, before retrieval
 * @param topK            passages added to the context per request, 1 to 20
 * @param embeddingModel  the model to embed with; null for the engine's default
 * @param maxFiles        files read at most
 * @param maxFileBytes    bytes of one file at most; a larger file is skipped
 * @param maxPassageChars characters of one passage at most
 * @param maxPassages     passages kept at most, over all files
 */
public record RagOptions(Path directory, String waitingMessage, int topK, String embeddingModel, int maxFiles,
        long maxFileBytes, int maxPassageChars, int maxPassages) {

    /** The default waiting message. */
    public static final String DEFAULT_WAITING_MESSAGE = "One moment, let me look that up. ";

    /**
     * @throws NullPointerException     if {@code directory} or {@code waitingMessage} is null
     * @throws IllegalArgumentException if a number is out of range
     */
    public RagOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(waitingMessage, "waitingMessage");
        check(topK >= 1 && topK <= 20, "topK must be 1 to 20, was " + topK);
        check(maxFiles >= 1, "maxFiles must be 1 or more, was " + maxFiles);
        check(maxFileBytes >= 1, "maxFileBytes must be 1 or more, was " + maxFileBytes);
        check(maxPassageChars >= 50, "maxPassageChars must be 50 or more, was " + maxPassageChars);
        check(maxPassages >= 1, "maxPassages must be 1 or more, was " + maxPassages);
    }

    /**
     * Options for {@code directory} with the defaults: the waiting message
     * {@value #DEFAULT_WAITING_MESSAGE}, top 3, the engine's embedding model, at most 1,000 files of
     * 1 MiB, passages of at most 800 characters, 10,000 passages.
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds {@link RagOptions}; each setter returns this builder; {@link #build()} checks the ranges. */
    public static final class Builder {
        private final Path directory;
        private String waitingMessage = DEFAULT_WAITING_MESSAGE;
        private int topK = 3;
        private String embeddingModel;
        private int maxFiles = 1000;
        private long maxFileBytes = 1024 * 1024;
        private int maxPassageChars = 800;
        private int maxPassages = 10_000;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /** The text streamed first; default {@value RagOptions#DEFAULT_WAITING_MESSAGE}. */
        public Builder waitingMessage(String waitingMessage) {
            this.waitingMessage = waitingMessage;
            return this;
        }

        /** Passages per request, 1 to 20; default 3. */
        public Builder topK(int topK) {
            this.topK = topK;
            return this;
        }

        /** The embedding model; default null, the engine's. */
        public Builder embeddingModel(String embeddingModel) {
            this.embeddingModel = embeddingModel;
            return this;
        }

        /** Files read at most; default 1,000. */
        public Builder maxFiles(int maxFiles) {
            this.maxFiles = maxFiles;
            return this;
        }

        /** Bytes of one file at most; default 1 MiB. */
        public Builder maxFileBytes(long maxFileBytes) {
            this.maxFileBytes = maxFileBytes;
            return this;
        }

        /** Characters of one passage at most, 50 or more; default 800. */
        public Builder maxPassageChars(int maxPassageChars) {
            this.maxPassageChars = maxPassageChars;
            return this;
        }

        /** Passages kept at most; default 10,000. */
        public Builder maxPassages(int maxPassages) {
            this.maxPassages = maxPassages;
            return this;
        }

        /**
         * Returns the options.
         *
         * @throws NullPointerException     if the directory or the waiting message is null
         * @throws IllegalArgumentException if a number is out of range
         */
        public RagOptions build() {
            return new RagOptions(directory, waitingMessage, topK, embeddingModel, maxFiles, maxFileBytes,
                    maxPassageChars, maxPassages);
        }
    }
}
