package dev.switchboard.core.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The recorded llama-server transcripts in
 * {@code core/src/test/resources/reference/llama-server-transcripts/} ({@code curl -i} output:
 * status line, headers, blank line, body; what recorded them is in that directory's
 * {@code README.md}), read from the test classpath. A file that is not there fails the test with
 * its name: these tests never skip. Load them outside an {@code assertThatThrownBy} lambda, so
 * that a missing file is reported as such rather than as the wrong exception.
 */
final class Transcripts {

    /** Where the transcripts are on the test classpath. */
    static final String DIRECTORY = "/reference/llama-server-transcripts/";

    private Transcripts() {
    }

    /** One recorded response. */
    record Recorded(int status, String headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Loads {@code NAME.txt}; fails the test, naming the file, when it is missing. */
    static Recorded load(String name) {
        byte[] all = read(name);
        int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), name);
        String head = new String(all, 0, split, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        return new Recorded(status, head, Arrays.copyOfRange(all, split + 4, all.length));
    }

    /**
     * The body of {@code NAME.request.txt} (the text after {@code >>> body: }), or no bytes when the
     * request had none; fails the test, naming the file, when it is missing.
     */
    static byte[] requestBody(String name) {
        String requestName = name.replace(".txt", ".request.txt");
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(open(requestName), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(">>> body: ")) {
                    return line.substring(">>> body: ".length()).getBytes(StandardCharsets.UTF_8);
                }
            }
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DIRECTORY + requestName, e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DIRECTORY + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Transcripts.class.getResourceAsStream(DIRECTORY + name);
        if (in == null) {
            throw new AssertionError("transcript " + name + " is missing: expected " + DIRECTORY + name
                    + " on the test classpath (core/src/test/resources" + DIRECTORY + name + ")");
        }
        return in;
    }

    private static int indexOf(byte[] hay, byte[] needle, String name) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no blank line after the headers in " + name);
    }
}
