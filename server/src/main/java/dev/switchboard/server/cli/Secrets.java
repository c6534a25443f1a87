package dev.switchboard.server.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;

/**
 * API keys read without exposing them (issue 16, finding 4): from an environment variable or a file
 * as well as the command line (where {@code ps} shows them to every user of the machine), and kept
 * out of what a program prints. For the standalone endpoint's own key and for any upstream key.
 *
 * <pre>{@code
 * String key = Secrets.read(apiKeyOption, apiKeyEnvOption, apiKeyFileOption, System.getenv());
 * PrintStream out = Secrets.redacting(System.out, key);   // every line printed with the key as ***
 * }</pre>
 */
public final class Secrets {

    /** What a printed command shows instead of a key: a shell variable the reader sets. */
    public static final String PLACEHOLDER = "$SWITCHBOARD_API_KEY";
    /** What a redacted key becomes. */
    public static final String MASK = "***";

    private Secrets() {
    }

    /**
     * The key from whichever one source is given: {@code value} itself, the environment variable
     * named {@code environmentVariable} (looked up in {@code env}), or the first line of
     * {@code file} (trimmed; a trailing newline is usual). Null when none is given.
     *
     * @throws IllegalArgumentException if more than one source is given, the variable is unset or
     *                                  empty, or the file is unreadable or empty; the message names
     *                                  the source, never the key
     */
    public static String read(String value, String environmentVariable, Path file, Map<String, String> env) {
        int given = (value != null ? 1 : 0) + (environmentVariable != null ? 1 : 0) + (file != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("give the key one way: a value, an environment variable or a file");
        }
        if (value != null) {
            return nonEmpty(value.trim(), "the key given on the command line");
        }
        if (environmentVariable != null) {
            String fromEnv = env.get(environmentVariable);
            if (fromEnv == null) {
                throw new IllegalArgumentException("environment variable " + environmentVariable + " is not set");
            }
            return nonEmpty(fromEnv.trim(), "environment variable " + environmentVariable);
        }
        if (file != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the key file " + file + ": "
                        + e.getClass().getSimpleName());
            }
            return nonEmpty(lines.isEmpty() ? "" : lines.get(0).trim(), "key file " + file);
        }
        return null;
    }

    /**
     * Several keys, such as the ones a gateway's callers may send: {@code values} (from the command
     * line) and every non-blank line of each of {@code files} (a line starting with {@code #} is a
     * comment), in that order; when neither is given, the comma-separated keys in the environment
     * variable {@code environmentVariable} (looked up in {@code env}); else none. Each key trimmed.
     *
     * @throws IllegalArgumentException if a file is unreadable or holds no key; the message names
     *                                  the file, never a key
     */
    public static List<String> readAll(List<String> values, List<Path> files, String environmentVariable,
            Map<String, String> env) {
        List<String> keys = new ArrayList<>();
        values.stream().map(String::trim).filter(k -> !k.isEmpty()).forEach(keys::add);
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the key file " + file + ": "
                        + e.getClass().getSimpleName());
            }
            List<String> inFile = lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            if (inFile.isEmpty()) {
                throw new IllegalArgumentException("the key file " + file + " holds no key");
            }
            keys.addAll(inFile);
        }
        if (!values.isEmpty() || !files.isEmpty()) {
            return keys;
        }
        String value = env.get(environmentVariable);
        return value == null ? List.of()
                : java.util.Arrays.stream(value.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    /**
     * Makes {@code cli}'s usage errors name what was wrong without echoing the arguments, as
     * picocli's own messages do ({@code Unknown options: '--api-kye', 'sk-...'}): the value after a
     * mistyped key option is a key. An unknown option is named (without any {@code =value}); any
     * other usage error says which option is wrong and what it takes, without the value. The usage
     * follows, and the exit status is picocli's for invalid input (2).
     *
     * @param cli the command line, before {@code execute}
     * @return {@code cli}
     */
    public static CommandLine hidingArgumentsInUsageErrors(CommandLine cli) {
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = cli.getErr();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                        .map(a -> a.split("=", 2)[0]).toList();
                err.println("error: " + (options.isEmpty() ? "unexpected arguments" : "unknown options " + options)
                        + " (the arguments are not repeated here: one may be a key)");
            } else if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
                err.println("error: a bad value for " + option.longestName() + " " + option.paramLabel()
                        + " (the value is not repeated here: it may be a key)");
            } else {
                err.println("error: " + e.getClass().getSimpleName().replace("Exception", "")
                        + " (the arguments are not repeated here: one may be a key)");
            }
            cli.usage(err);
            return cli.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli;
    }

    /** {@code text} with every occurrence of each non-empty secret replaced by {@value #MASK}; null stays null. */
    public static String redact(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /**
     * A stream that prints to {@code target} with every secret replaced by {@value #MASK}. Text is
     * passed on a line at a time (a key is never split between two writes); {@code flush} passes
     * on a pending partial line too. With no non-empty secret, {@code target} itself.
     */
    public static PrintStream redacting(PrintStream target, String... secrets) {
        List<String> kept = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                kept.add(s);
            }
        }
        if (kept.isEmpty()) {
            return target;
        }
        String[] all = kept.toArray(new String[0]);
        return new PrintStream(new LineRedactor(target, all), true, StandardCharsets.UTF_8);
    }

    private static String nonEmpty(String key, String source) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty");
        }
        return key;
    }

    /** Buffers bytes up to each line end, then writes the line redacted. */
    private static final class LineRedactor extends FilterOutputStream {
        private final String[] secrets;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineRedactor(OutputStream target, String[] secrets) {
            super(target);
            this.secrets = secrets;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            emit();
            out.flush();
        }

        private void emit() throws IOException {
            if (line.size() == 0) {
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            out.write(redact(text, secrets).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
