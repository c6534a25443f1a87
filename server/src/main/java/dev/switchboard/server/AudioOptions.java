package dev.switchboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The audio route, {@code POST /audio/chat/completions}: where its reply comes from and how it is
 * paced. Give it to {@link SwitchboardServer.Builder#audio(AudioOptions)}; the default serves the
 * generated reply.
 *
 * <p>The reply is read once, at start: {@value #TRANSCRIPT_FILE} and {@value #AUDIO_FILE} in
 * {@link #directory()} when both are there (the WAV must be 16-bit PCM, mono, 24,000 Hz, as OpenAI's
 * {@code pcm16} output, since the chunks carry no rate; at most
 * {@value #MAX_WAV_BYTES} bytes; anything else stops {@code start()} with an
 * {@link IllegalArgumentException} naming the file); otherwise, with a logged note, a generated
 * reply labelled simulated: three tones at 24 kHz and a transcript starting {@code [simulated]}.
 *
 * @param directory  where {@value #TRANSCRIPT_FILE} and {@value #AUDIO_FILE} are; null for the
 *                   generated reply
 * @param chunkDelay the pause before each chunk after the first, 0 to 10 s
 * @param chunkBytes PCM bytes per {@code data} chunk, even, 2 to 1,048,576
 */
public record AudioOptions(Path directory, Duration chunkDelay, int chunkBytes) {

    /** The transcript's file name. */
    public static final String TRANSCRIPT_FILE = "transcript.txt";
    /** The audio's file name. */
    public static final String AUDIO_FILE = "audio.wav";
    /** The largest WAV file read. */
    public static final long MAX_WAV_BYTES = 32L * 1024 * 1024;

    /**
     * @throws NullPointerException     if {@code chunkDelay} is null
     * @throws IllegalArgumentException if {@code chunkDelay} or {@code chunkBytes} is out of range
     */
    public AudioOptions {
        Objects.requireNonNull(chunkDelay, "chunkDelay");
        if (chunkDelay.isNegative() || chunkDelay.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("chunkDelay must be 0 to 10 s, was " + chunkDelay);
        }
        if (chunkBytes < 2 || chunkBytes > 1024 * 1024 || chunkBytes % 2 != 0) {
            throw new IllegalArgumentException("chunkBytes must be even, 2 to 1048576, was " + chunkBytes);
        }
    }

    /** The defaults: the generated reply, 40 ms between chunks, 9,600 bytes a chunk (200 ms at 24 kHz). */
    public static AudioOptions defaults() {
        return new AudioOptions(null, Duration.ofMillis(40), 9600);
    }

    /** The defaults, reading the reply from {@code directory}. */
    public static AudioOptions fromDirectory(Path directory) {
        return new AudioOptions(Objects.requireNonNull(directory, "directory"), Duration.ofMillis(40), 9600);
    }

    /** A copy with {@code chunkDelay}. */
    public AudioOptions withChunkDelay(Duration chunkDelay) {
        return new AudioOptions(directory, chunkDelay, chunkBytes);
    }

    /** A copy with {@code chunkBytes}. */
    public AudioOptions withChunkBytes(int chunkBytes) {
        return new AudioOptions(directory, chunkDelay, chunkBytes);
    }
}
