package dev.switchboard.workshop.doctor;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.cli.Secrets;
import dev.switchboard.testkit.live.EndpointResolution;
import dev.switchboard.testkit.ollama.OllamaTestcontainer;
import dev.switchboard.workshop.doctor.Findings.Mark;

/**
 * The setup doctor: {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Ddoctor}.
 * Checks, without starting a container, loading a model or pulling anything: the JDK, which
 * endpoint the workshop's resolution ({@link EndpointResolution}) will pick and why, whether the
 * models are there where it can tell, free disk and memory. Every line starts with ✓ (fine),
 * ! (a warning: works, but slower or with less) or ✗ (a problem), and a problem says its fix. The
 * last line is the verdict: ready, ready with warnings, or not ready; the exit status is 0, 0, 1.
 *
 * <p>It never prints a key: URLs are shown through {@link Endpoint#redactUrl(String)}, and every
 * line passes through {@link Secrets#redacting} with {@code LLM_API_KEY} / {@code OPENAI_API_KEY}
 * and the base URL's credentials, should an error message quote them.
 *
 * <p>The endpoint check is {@link EndpointCheck}; the lines and the marks the verdict is drawn from
 * are kept by {@link Findings}.
 */
public final class Doctor {

    /** Below this much free disk, a warning (a model pull or a container image needs room). */
    static final long LOW_DISK = 2L * 1024 * 1024 * 1024;
    /** Below this max heap, a warning (the in-process engine holds the model in the JVM's process). */
    static final long LOW_HEAP = 512L * 1024 * 1024;

    /**
     * What the doctor looks at, injectable so a test can stand in for Docker or the machine.
     * {@link #system()} looks at the real ones.
     */
    public interface Probes {

        /** The Java version and vendor, e.g. {@code 17.0.15} and {@code Debian}. */
        default String[] jdk() {
            return new String[] {System.getProperty("java.version"), System.getProperty("java.vendor")};
        }

        /** Whether {@code GET rootUrl/} answers {@code Ollama is running} (as the resolution probes it). */
        default boolean ollamaAnswers(String rootUrl) {
            return EndpointResolution.isOllama(rootUrl);
        }

        /**
         * {@code GET url} with {@code Authorization: Bearer apiKey}: the status and body.
         *
         * @throws IOException if nothing answers
         */
        default HttpResult get(String url, String apiKey) throws IOException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + apiKey).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return new HttpResult(response.statusCode(), response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        /** Whether a Docker engine answers Testcontainers (does not start a container). */
        default boolean dockerAvailable() {
            return OllamaTestcontainer.dockerAvailable();
        }

        /**
         * The bundled llama.cpp native library for this platform, if the jar holds one (the library
         * is not loaded here: a load can crash a JVM, so the resolution loads it in a child JVM).
         */
        default Optional<String> llamaNativeLibrary() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            String folder = os.contains("linux") ? "Linux" : os.contains("mac") ? "Mac"
                    : os.contains("windows") ? "Windows" : os;
            String archFolder = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                    : arch.equals("arm64") || arch.equals("aarch64") ? "aarch64" : arch;
            for (String name : List.of("libjllama.so", "libjllama.dylib", "jllama.dll")) {
                String resource = "de/kherud/llama/" + folder + "/" + archFolder + "/" + name;
                if (Doctor.class.getClassLoader().getResource(resource) != null) {
                    return Optional.of(resource);
                }
            }
            return Optional.empty();
        }

        /** The usable bytes on the file store of {@code dir}. */
        default long usableDisk(Path dir) throws IOException {
            FileStore store = Files.getFileStore(dir);
            return store.getUsableSpace();
        }

        /** The JVM's maximum heap in bytes. */
        default long maxHeap() {
            return Runtime.getRuntime().maxMemory();
        }

        /** The machine's physical memory in bytes, where the JDK tells; -1 if it does not. */
        default long physicalMemory() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
            return -1;
        }

        /** The real machine. */
        static Probes system() {
            return new Probes() {
            };
        }
    }

    /** A status and body. */
    public record HttpResult(int status, String body) {
    }

    private final Findings findings;

    private Doctor(Findings findings) {
        this.findings = findings;
    }

    /** Runs the doctor on this machine and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, Probes.system(), Path.of("").toAbsolutePath()));
    }

    /**
     * Checks the setup, printing one line per finding and the verdict.
     *
     * @param env    the environment ({@code LLM_*}) the workshop would resolve its endpoint from
     * @param out    where to print
     * @param probes what to look at
     * @param workingDirectory whose file store's free space to report
     * @return 0 when ready (with or without warnings), 1 when not ready
     */
    public static int run(Map<String, String> env, PrintStream out, Probes probes, Path workingDirectory) {
        out = Secrets.redacting(out, secrets(env));
        Findings findings = new Findings(out);
        Doctor doctor = new Doctor(findings);
        out.println("Switchboard workshop: setup doctor");
        doctor.jdk(probes);
        new EndpointCheck(findings).run(env, probes);
        doctor.disk(probes, workingDirectory);
        doctor.memory(probes);
        out.flush();
        boolean failed = findings.failed();
        boolean warned = findings.warned();
        out.println(failed ? "Verdict: NOT READY — fix the ✗ lines above and run the doctor again."
                : warned ? "Verdict: ready with warnings — the lessons will run; the ! lines say what is slower or missing."
                : "Verdict: ready — start with lesson 1: ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=1");
        out.flush();
        return failed ? 1 : 0;
    }

    /**
     * What must never be printed: the API key of the environment, and the base URL's credentials
     * (the password of {@code user:password@}, the whole URL when it carries a secret query value).
     */
    static String[] secrets(Map<String, String> env) {
        List<String> secrets = new ArrayList<>();
        for (String name : List.of("LLM_API_KEY", "OPENAI_API_KEY")) {
            if (set(env, name)) {
                secrets.add(env.get(name).trim());
            }
        }
        for (String name : List.of("LLM_BASE_URL", "OPENAI_BASE_URL")) {
            if (!set(env, name)) {
                continue;
            }
            String url = env.get(name).trim();
            if (!url.equals(Endpoint.redactUrl(url))) {
                secrets.add(url);
            }
            try {
                String userInfo = URI.create(url).getRawUserInfo();
                if (userInfo != null) {
                    int colon = userInfo.indexOf(':');
                    secrets.add(colon >= 0 ? userInfo.substring(colon + 1) : userInfo);
                }
            } catch (IllegalArgumentException notAUri) {
                // Endpoint.fromEnvironment reports it, redacted
            }
        }
        secrets.removeIf(String::isEmpty);
        return secrets.toArray(new String[0]);
    }

    private void say(Mark mark, String text) {
        findings.say(mark, text);
    }

    private void jdk(Probes probes) {
        String[] jdk = probes.jdk();
        int feature = feature(jdk[0]);
        if (feature >= 17) {
            say(Mark.OK, "Java " + jdk[0] + " (" + jdk[1] + "): 17 or newer, as the workshop needs");
        } else {
            say(Mark.FAIL, "Java " + jdk[0] + " (" + jdk[1] + ") is older than 17. Fix: install a JDK 17 or newer"
                    + " (e.g. sdk install java 17-tem, or https://adoptium.net) and point JAVA_HOME at it");
        }
    }

    /** The feature release of a {@code java.version}: 17 for 17.0.15, 8 for 1.8.0_392. */
    static int feature(String version) {
        try {
            String[] parts = version.split("[.+\\-_]");
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void disk(Probes probes, Path dir) {
        try {
            long free = probes.usableDisk(dir);
            if (free < LOW_DISK) {
                say(Mark.WARN, "disk: " + gib(free) + " free where the workshop runs (" + dir + "); a model pull or"
                        + " Ollama's image needs about 2 GB. Fix: free some space (e.g. ./mvnw clean, docker system prune)");
            } else {
                say(Mark.OK, "disk: " + gib(free) + " free where the workshop runs");
            }
        } catch (IOException e) {
            say(Mark.WARN, "disk: cannot tell the free space of " + dir + " (" + e.getMessage() + ")");
        }
    }

    private void memory(Probes probes) {
        long heap = probes.maxHeap();
        long physical = probes.physicalMemory();
        String machine = physical > 0 ? ", machine " + gib(physical) : " (the JDK does not tell the machine's memory)";
        if (heap < LOW_HEAP) {
            say(Mark.WARN, "memory: max heap " + gib(heap) + machine + "; the Spring lessons want more."
                    + " Fix: export MAVEN_OPTS=-Xmx1g");
        } else if (physical > 0 && physical < 4L * 1024 * 1024 * 1024) {
            say(Mark.WARN, "memory: max heap " + gib(heap) + machine + "; a local model wants about 2 GB of the"
                    + " machine's memory besides the JVM, so expect it to be slow");
        } else {
            say(Mark.OK, "memory: max heap " + gib(heap) + machine);
        }
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    /** Whether {@code env} sets {@code name} to something other than blanks. */
    static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
