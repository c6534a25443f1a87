package dev.switchboard.server.internal.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads the PCM of a RIFF/WAVE file: the {@code fmt } chunk (format 1, PCM, or
 * {@code WAVE_FORMAT_EXTENSIBLE} 0xFFFE) and the {@code data} chunk, other chunks skipped.
 */
final class Wav {

    /**
     * 16-bit mono PCM.
     *
     * @param sampleRate samples per second
     * @param data       the samples, little-endian
     */
    record Pcm(int sampleRate, byte[] data) {
    }

    private Wav() {
    }

    /**
     * @param name the file, for messages
     * @throws IllegalArgumentException if it is not a WAV file of 16-bit mono PCM
     */
    static Pcm read(byte[] file, String name) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
            throw new IllegalArgumentException(name + " is not a WAV file (no RIFF/WAVE header)");
        }
        int at = 12;
        int rate = -1;
        while (at + 8 <= file.length) {
            int id = b.getInt(at);
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            int body = at + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = Short.toUnsignedInt(b.getShort(body));
                int channels = Short.toUnsignedInt(b.getShort(body + 2));
                int bits = Short.toUnsignedInt(b.getShort(body + 14));
                if ((format != 1 && format != 0xFFFE) || channels != 1 || bits != 16) {
                    throw new IllegalArgumentException(name + " must be 16-bit PCM mono; it is format " + format + ", "
                            + channels + " channel(s), " + bits + " bits");
                }
                rate = b.getInt(body + 4);
            } else if (id == 0x61746164) { // "data"
                if (rate < 0) {
                    throw new IllegalArgumentException(name + " has its data chunk before its fmt chunk");
                }
                int end = (int) Math.min(file.length, body + size);
                return new Pcm(rate, Arrays.copyOfRange(file, body, end - ((end - body) % 2)));
            }
            at = (int) Math.min(Integer.MAX_VALUE, body + size + (size % 2));
        }
        throw new IllegalArgumentException(name + " has no data chunk");
    }
}
