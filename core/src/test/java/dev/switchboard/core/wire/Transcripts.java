package dev.switchboard.core.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Assumptions;

/**
 * The recorded llama-server transcripts in {@code shared/reference/llama-server-transcripts/}
 * ({@code curl -i} output: status line, headers, blank line, body). Found by walking up from the
 * module directory to a directory holding {@code shared/reference}; a test that needs them is
 * skipped, with the reason, where they are not there. Load them outside an
 * {@code assertThatThrownBy} lambda: inside one, the skip would be caught as the thrown exception
 * and fail the test.
 */
final class Transcripts {

    private Transcripts() {
    }

    /** One recorded response. */
    record Recorded(int status, String headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The directory of transcripts, or null when it cannot be found. */
    static Path directory() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/reference/llama-server-transcripts");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The reference directory ({@code shared/reference}), skipping the test when absent. */
    static Path reference() {
        Path dir = directory();
        Assumptions.assumeTrue(dir != null,
                "shared/reference/llama-server-transcripts not found above " + System.getProperty("user.dir"));
        return dir.getParent();
    }

    /** Loads {@code NAME.txt}, skipping the test when the transcripts are not there. */
    static Recorded load(String name) {
        Path dir = directory();
        Assumptions.assumeTrue(dir != null,
                "shared/reference/llama-server-transcripts not found above " + System.getProperty("user.dir"));
        Path file = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "transcript " + file + " is missing");
        try {
            byte[] all = Files.readAllBytes(file);
            int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String head = new String(all, 0, split, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Recorded(status, head, Arrays.copyOfRange(all, split + 4, all.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body of {@code NAME.request.txt} (the text after {@code >>> body: }), or no bytes when the
     * request had none; skips the test when the transcripts are not there.
     */
    static byte[] requestBody(String name) {
        Path dir = directory();
        Assumptions.assumeTrue(dir != null,
                "shared/reference/llama-server-transcripts not found above " + System.getProperty("user.dir"));
        Path file = dir.resolve(name.replace(".txt", ".request.txt"));
        Assumptions.assumeTrue(Files.isRegularFile(file), "request transcript " + file + " is missing");
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(">>> body: ")) {
                    return line.substring(">>> body: ".length()).getBytes(StandardCharsets.UTF_8);
                }
            }
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no blank line after the headers");
    }
}
