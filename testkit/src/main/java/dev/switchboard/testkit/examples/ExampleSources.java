package dev.switchboard.testkit.examples;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Checks that the example files a reader copies stand alone: each compiles on its own against the
 * third-party libraries of its module (no other file of the module, no Switchboard class), and each
 * is short enough to take in at one glance.
 *
 * <p>The class path comes from a file the build writes: the examples modules run
 * {@code maven-dependency-plugin:build-classpath} with {@code includeScope=compile} into
 * {@value #CLASSPATH_FILE} (see the root pom's {@code example-classpath} execution). Entries whose
 * file name starts with {@code switchboard-} and directories (a module's own classes) are dropped.
 *
 * <p>Use it from a test in the examples module:
 * <pre>{@code
 * @Test
 * void eachScenarioFileCompilesAlone() {
 *     ExampleSources.inModule().assertEachCompilesAlone();
 * }
 * }</pre>
 */
public final class ExampleSources {

    /** Where the build writes the module's compile class path, relative to the module directory. */
    public static final String CLASSPATH_FILE = "target/example-classpath.txt";

    private final Path sourceRoot;
    private final List<Path> classPath;

    private ExampleSources(Path sourceRoot, List<Path> classPath) {
        this.sourceRoot = sourceRoot;
        this.classPath = classPath;
    }

    /**
     * The examples of the module the test runs in: sources under {@code src/main/java}, the class
     * path from {@value #CLASSPATH_FILE}, both relative to the working directory (Surefire's is the
     * module directory).
     *
     * @return the module's examples
     * @throws AssertionError if the class path file is missing (the module's pom lacks the
     *                        {@code maven-dependency-plugin} declaration), naming the file
     */
    public static ExampleSources inModule() {
        return of(Path.of("src/main/java"), Path.of(CLASSPATH_FILE));
    }

    /**
     * Examples under {@code sourceRoot}, compiled against the class path listed in {@code classPathFile}
     * (entries separated by the platform's path separator, as {@code build-classpath} writes them).
     *
     * @param sourceRoot    a source root, e.g. {@code src/main/java}
     * @param classPathFile the file holding the class path
     * @return the examples
     * @throws AssertionError if {@code classPathFile} is missing, naming it
     */
    public static ExampleSources of(Path sourceRoot, Path classPathFile) {
        if (!Files.isRegularFile(classPathFile)) {
            throw new AssertionError("missing " + classPathFile.toAbsolutePath() + ": declare maven-dependency-plugin"
                    + " (execution example-classpath) in this module's pom");
        }
        String text;
        try {
            text = Files.readString(classPathFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> entries = text.isEmpty() ? List.of() : Arrays.stream(text.split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().startsWith("switchboard-"))
                .collect(Collectors.toList());
        return new ExampleSources(sourceRoot, entries);
    }

    /**
     * The example files: every {@code .java} file under the source root but {@code package-info.java},
     * sorted by path.
     *
     * @return the files
     */
    public List<Path> files() {
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            return walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path the files are compiled against: third-party jars only. */
    public List<Path> classPath() {
        return classPath;
    }

    /**
     * Compiles each file alone (no source path, no other file of the module) with the system Java
     * compiler, {@code --release 17}, into a temporary directory.
     *
     * @throws AssertionError naming every file that does not compile alone, with the compiler's
     *                        first errors for each; or if there are no files
     */
    public void assertEachCompilesAlone() {
        List<Path> files = files();
        if (files.isEmpty()) {
            throw new AssertionError("no example files under " + sourceRoot.toAbsolutePath());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new AssertionError("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String errors = compileAlone(compiler, file);
            if (!errors.isEmpty()) {
                failures.add(file + " needs more than its library and the JDK:\n" + errors);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + files.size() + " example files do not compile alone\n"
                    + String.join("\n", failures));
        }
    }

    /**
     * Checks the files' lengths, Javadoc and blank lines included.
     *
     * @param maxLines    the most lines any one file may have (e.g. 100)
     * @param medianLines the most lines the median file may have (e.g. 60)
     * @throws AssertionError naming each file over {@code maxLines}, or giving the median when it is over
     */
    public void assertShort(int maxLines, int medianLines) {
        List<Path> files = files();
        List<String> tooLong = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Path file : files) {
            int lines = lines(file);
            counts.add(lines);
            if (lines > maxLines) {
                tooLong.add(file + ": " + lines + " lines (at most " + maxLines + ")");
            }
        }
        if (!tooLong.isEmpty()) {
            throw new AssertionError(String.join("\n", tooLong));
        }
        counts.sort(Integer::compare);
        double median = counts.isEmpty() ? 0 : counts.size() % 2 == 1 ? counts.get(counts.size() / 2)
                : (counts.get(counts.size() / 2 - 1) + counts.get(counts.size() / 2)) / 2.0;
        if (median > medianLines) {
            throw new AssertionError(String.format(Locale.ROOT, "median %.1f lines over %d files (at most %d): %s",
                    median, files.size(), medianLines, counts));
        }
    }

    /**
     * Checks that every file that asks a model for a chat answer bounds it: {@code max_tokens}
     * ({@code maxTokens(...)} in the libraries) or Ollama's {@code num_predict} ({@code numPredict(...)}).
     * Without a bound, a model that does not stop runs until the context is full, and the next turn of
     * the conversation fails ("request exceeds the available context size").
     *
     * <p>A file asks for a chat answer when it names {@code /chat/completions}, {@code /api/chat},
     * {@code /api/generate}, openai-java's {@code ChatCompletionCreateParams}, or builds a LangChain4j
     * {@code ...ChatModel} or Spring AI {@code ...ChatOptions}.
     *
     * @throws AssertionError naming each such file without a bound
     */
    public void assertEachChatBoundsItsAnswer() {
        List<String> unbounded = new ArrayList<>();
        for (Path file : files()) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            boolean chats = Stream.of("/chat/completions", "/api/chat", "/api/generate", "ChatCompletionCreateParams",
                    "ChatModel.builder()", "ChatOptions.builder()").anyMatch(text::contains);
            boolean bounded = Stream.of("\"max_tokens\"", "\"num_predict\"", ".maxTokens(", ".numPredict(")
                    .anyMatch(text::contains);
            if (chats && !bounded) {
                unbounded.add(file.toString());
            }
        }
        if (!unbounded.isEmpty()) {
            throw new AssertionError(unbounded.size() + " example files ask for a chat answer without max_tokens:\n"
                    + String.join("\n", unbounded));
        }
    }

    private String compileAlone(JavaCompiler compiler, Path file) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Path out = Files.createTempDirectory("example-compile");
            Path emptySourcePath = Files.createTempDirectory("example-sourcepath");
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none",
                    "-d", out.toString(),
                    "-sourcepath", emptySourcePath.toString(),
                    "-classpath", classPath.stream().map(Path::toString)
                            .collect(Collectors.joining(java.io.File.pathSeparator)));
            StringWriter output = new StringWriter();
            boolean ok = compiler.getTask(output, files, diagnostics, options, null,
                    files.getJavaFileObjects(file)).call();
            if (ok) {
                return "";
            }
            return diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .limit(5)
                    .map(d -> "  line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
