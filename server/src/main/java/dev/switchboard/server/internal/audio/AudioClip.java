package dev.switchboard.server.internal.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.server.AudioOptions;

/**
 * The audio route's reply, read or generated once at start: a transcript and 16-bit little-endian
 * mono PCM, already cut into base64 pieces of {@link AudioOptions#chunkBytes()} bytes. Immutable.
 *
 * @param transcript the transcript text
 * @param sampleRate samples per second of the PCM
 * @param pcmBytes   the PCM's length in bytes (2 per sample)
 * @param pieces     the PCM in order, each piece base64
 * @param simulated  whether this is the generated reply
 */
public record AudioClip(String transcript, int sampleRate, int pcmBytes, List<String> pieces, boolean simulated) {

    /** The sample rate of every reply: OpenAI's {@code pcm16} output is 24 kHz mono, and chunks do not say it. */
    public static final int SIMULATED_RATE = 24_000;
    /** The generated reply's transcript. */
    public static final String SIMULATED_TRANSCRIPT = "[simulated] Switchboard has no speech model here: "
            + "this reply is three generated tones.";

    private static final Logger LOG = LoggerFactory.getLogger(AudioClip.class);

    /** Copies {@code pieces}. */
    public AudioClip {
        pieces = List.copyOf(pieces);
    }

    /**
     * The files of {@code options.directory()} when both are there, else the generated reply.
     *
     * @throws IllegalArgumentException if the WAV file is too large or not 16-bit PCM mono
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static AudioClip load(AudioOptions options) {
        Path dir = options.directory();
        if (dir != null) {
            Path transcript = dir.resolve(AudioOptions.TRANSCRIPT_FILE);
            Path wav = dir.resolve(AudioOptions.AUDIO_FILE);
            if (Files.isRegularFile(transcript) && Files.isRegularFile(wav)) {
                try {
                    if (Files.size(wav) > AudioOptions.MAX_WAV_BYTES) {
                        throw new IllegalArgumentException(wav + " is larger than " + AudioOptions.MAX_WAV_BYTES
                                + " bytes");
                    }
                    Wav.Pcm pcm = Wav.read(Files.readAllBytes(wav), wav.toString());
                    if (pcm.sampleRate() != SIMULATED_RATE) { // the stream cannot say its rate: pcm16 is 24 kHz
                        throw new IllegalArgumentException(wav + " must be sampled at 24000 Hz (OpenAI's pcm16);"
                                + " it is " + pcm.sampleRate() + " Hz");
                    }
                    String text = Files.readString(transcript, StandardCharsets.UTF_8).strip();
                    LOG.info("audio route: {} ({} Hz, {} samples) with {}", wav, pcm.sampleRate(), pcm.data().length / 2,
                            transcript);
                    return of(text, pcm.sampleRate(), pcm.data(), options.chunkBytes(), false);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the audio route's files in " + dir, e);
                }
            }
            LOG.info("audio route: {} lacks {} or {}; serving the generated (simulated) reply", dir,
                    AudioOptions.TRANSCRIPT_FILE, AudioOptions.AUDIO_FILE);
        }
        return of(SIMULATED_TRANSCRIPT, SIMULATED_RATE, tones(), options.chunkBytes(), true);
    }

    /** Cuts {@code pcm} into base64 pieces of {@code chunkBytes}. */
    static AudioClip of(String transcript, int sampleRate, byte[] pcm, int chunkBytes, boolean simulated) {
        List<String> pieces = new ArrayList<>(pcm.length / chunkBytes + 1);
        Base64.Encoder base64 = Base64.getEncoder();
        for (int from = 0; from < pcm.length; from += chunkBytes) {
            int to = Math.min(pcm.length, from + chunkBytes);
            pieces.add(base64.encodeToString(java.util.Arrays.copyOfRange(pcm, from, to)));
        }
        return new AudioClip(transcript, sampleRate, pcm.length, pieces, simulated);
    }

    /**
     * Three tones (A4, C#5, E5: a major chord, arpeggiated), 250 ms each with 10 ms fades, 100 ms of
     * silence between them, at {@value #SIMULATED_RATE} Hz: 22,800 samples, 0.95 s.
     */
    static byte[] tones() {
        double[] hz = {440.0, 554.37, 659.25};
        int tone = SIMULATED_RATE / 4;
        int gap = SIMULATED_RATE / 10;
        int fade = SIMULATED_RATE / 100;
        int samples = hz.length * tone + (hz.length - 1) * gap;
        ByteBuffer out = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int t = 0; t < hz.length; t++) {
            for (int i = 0; i < tone; i++) {
                double envelope = Math.min(1.0, Math.min(i, tone - 1 - i) / (double) fade);
                double value = 0.3 * envelope * Math.sin(2 * Math.PI * hz[t] * i / SIMULATED_RATE);
                out.putShort((short) Math.round(value * Short.MAX_VALUE));
            }
            if (t < hz.length - 1) {
                for (int i = 0; i < gap; i++) {
                    out.putShort((short) 0);
                }
            }
        }
        return out.array();
    }
}
