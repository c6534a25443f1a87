package dev.switchboard.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a key from a file (its first line, trimmed) or an environment variable, so that keys never
 * appear on a command line (where {@code ps} shows them). Nothing here prints a key.
 */
final class Secrets {

    private Secrets() {
    }

    /**
     * The key in {@code file} if given, else in the environment variable {@code variable}; null
     * when neither holds one.
     *
     * @throws UncheckedIOException     if {@code file} cannot be read
     * @throws IllegalArgumentException if {@code file} is empty
     */
    static String read(Path file, String variable, Map<String, String> env) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("the key file " + file + " is empty");
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key file " + file, e);
            }
        }
        String value = env.get(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
