package dev.switchboard.server.cli;

import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.Option;

import dev.switchboard.server.AudioOptions;
import dev.switchboard.server.RagOptions;

/**
 * The options for the RAG and audio routes, a picocli mixin ({@code @Mixin RouteOptions routes;})
 * used by {@link ServeCommand} and usable by any other command that starts a
 * {@link dev.switchboard.server.SwitchboardServer}: without {@code --rag-dir} the RAG route answers
 * 404; without {@code --audio-dir} the audio route serves the generated (simulated) reply.
 */
public final class RouteOptions {

    @Option(names = "--rag-dir", paramLabel = "DIR", description = "turn on POST /rag/chat/completions with the"
            + " .txt and .md files under DIR as its knowledge base (embedded at start by the engine)")
    private Path ragDir;

    @Option(names = "--rag-waiting-message", paramLabel = "TEXT",
            description = "the text the RAG route streams first; default '" + RagOptions.DEFAULT_WAITING_MESSAGE + "'")
    private String ragWaitingMessage;

    @Option(names = "--rag-top-k", paramLabel = "N", defaultValue = "3",
            description = "passages added to the context per request, 1 to 20; default ${DEFAULT-VALUE}")
    private int ragTopK;

    @Option(names = "--rag-embedding-model", paramLabel = "NAME",
            description = "the model the RAG route embeds with; default the engine's")
    private String ragEmbeddingModel;

    @Option(names = "--audio-dir", paramLabel = "DIR", description = "serve " + AudioOptions.TRANSCRIPT_FILE + " and "
            + AudioOptions.AUDIO_FILE + " (16-bit PCM mono, 24 kHz) from DIR on POST /audio/chat/completions;"
            + " default a generated reply, labelled simulated")
    private Path audioDir;

    @Option(names = "--audio-chunk-delay-ms", paramLabel = "MS", defaultValue = "40",
            description = "pause between audio chunks, 0 to 10000 ms; default ${DEFAULT-VALUE}")
    private long audioChunkDelayMs;

    /** Options as picocli fills them: every flag at its default. */
    public RouteOptions() {
    }

    /**
     * The RAG options, or null without {@code --rag-dir}.
     *
     * @throws IllegalArgumentException for a top-k out of range
     */
    public RagOptions rag() {
        if (ragDir == null) {
            return null;
        }
        RagOptions.Builder b = RagOptions.builder(ragDir).topK(ragTopK).embeddingModel(ragEmbeddingModel);
        if (ragWaitingMessage != null) {
            b.waitingMessage(ragWaitingMessage);
        }
        return b.build();
    }

    /**
     * The audio options.
     *
     * @throws IllegalArgumentException for a delay out of range
     */
    public AudioOptions audio() {
        AudioOptions base = audioDir == null ? AudioOptions.defaults() : AudioOptions.fromDirectory(audioDir);
        return base.withChunkDelay(Duration.ofMillis(audioChunkDelayMs));
    }
}
