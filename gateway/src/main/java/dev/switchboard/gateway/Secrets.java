package dev.switchboard.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Several keys, such as the ones callers may send: {@code given} (from the command line) and
     * every non-blank line of each of {@code files} (a line starting with {@code #} is a comment),
     * in that order; when both are empty, the comma-separated keys in the environment variable
     * {@code variable}; else none. Each key is trimmed.
     *
     * @throws UncheckedIOException     if a file cannot be read (the message names the file)
     * @throws IllegalArgumentException if a file holds no key (the message names the file)
     */
    static List<String> readAll(List<String> given, List<Path> files, String variable, Map<String, String> env) {
        List<String> keys = new ArrayList<>();
        given.stream().map(String::trim).filter(k -> !k.isEmpty()).forEach(keys::add);
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key file " + file, e);
            }
            List<String> inFile = lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            if (inFile.isEmpty()) {
                throw new IllegalArgumentException("the key file " + file + " holds no key");
            }
            keys.addAll(inFile);
        }
        if (!keys.isEmpty() || given.size() + files.size() > 0) {
            return keys;
        }
        String value = env.get(variable);
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
    }
}
