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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.cli.Secrets;
import dev.switchboard.testkit.live.EndpointResolution;
import dev.switchboard.testkit.ollama.OllamaTestcontainer;

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
 */
public final class Doctor {

    /** Below this much free disk, a warning (a model pull or a container image needs room). */
    static final long LOW_DISK = 2L * 1024 * 1024 * 1024;
    /** Below this max heap, a warning (the in-process engine holds the model in the JVM's process). */
    static final long LOW_HEAP = 512L * 1024 * 1024;

    private enum Mark { OK, WARN, FAIL }

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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream out;
    private final List<Mark> marks = new ArrayList<>();

    private Doctor(PrintStream out) {
        this.out = out;
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
        Doctor doctor = new Doctor(out);
        out.println("Switchboard workshop: setup doctor");
        doctor.jdk(probes);
        doctor.endpoint(env, probes);
        doctor.disk(probes, workingDirectory);
        doctor.memory(probes);
        out.flush();
        boolean failed = doctor.marks.contains(Mark.FAIL);
        boolean warned = doctor.marks.contains(Mark.WARN);
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
        marks.add(mark);
        out.println((mark == Mark.OK ? "✓ " : mark == Mark.WARN ? "! " : "✗ ") + text);
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

    private void endpoint(Map<String, String> env, Probes probes) {
        String forced = env.getOrDefault("LLM_ENDPOINT", "").trim();
        if (!forced.isEmpty()) {
            say(Mark.WARN, "LLM_ENDPOINT=" + forced + " forces that step of the resolution; the doctor checks the"
                    + " usual order below. Unset LLM_ENDPOINT unless you mean it");
        }
        if (set(env, "LLM_BASE_URL") || set(env, "OPENAI_BASE_URL")) {
            environmentEndpoint(env, probes);
            return;
        }
        String root = EndpointResolution.LOCAL_OLLAMA;
        if (probes.ollamaAnswers(root)) {
            say(Mark.OK, "endpoint: LLM_BASE_URL is not set and an Ollama answers at " + root
                    + ", so the lessons use it (" + root + "/v1)");
            ollamaModels(env, probes, root, true);
            return;
        }
        say(Mark.WARN, "LLM_BASE_URL is not set and no Ollama answers at " + root + ". For real models: install"
                + " Ollama (https://ollama.com/download), run 'ollama serve', then 'ollama pull "
                + chatModel(env) + "' and 'ollama pull " + embeddingModel(env) + "'; or set LLM_BASE_URL");
        if (probes.dockerAvailable()) {
            say(Mark.OK, "endpoint: a Docker engine runs, so the lessons start a Testcontainers Ollama ("
                    + OllamaTestcontainer.IMAGE + ") and pull " + chatModel(env) + " and " + embeddingModel(env)
                    + " into it on first use (about 0.6 GB; the first run takes minutes)");
            return;
        }
        Optional<String> natives = probes.llamaNativeLibrary();
        if (natives.isPresent()) {
            say(Mark.WARN, "endpoint: no Docker engine either, so the lessons run the in-process llama.cpp engine"
                    + (set(env, "LLM_MODEL_FILE") ? " on LLM_MODEL_FILE=" + env.get("LLM_MODEL_FILE")
                            : " on the generated demo model, whose random weights answer gibberish")
                    + " (native library bundled: " + natives.get() + "). Its tool calls are well-formed but not"
                    + " sensible, as its text is. Fix for real answers: start Ollama or Docker, or set"
                    + " LLM_BASE_URL (or LLM_MODEL_FILE to a GGUF file)");
        } else {
            say(Mark.FAIL, "endpoint: no LLM_BASE_URL, no Ollama at " + root + ", no Docker engine, and llama.cpp has"
                    + " no native library for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + ", so there is no model to run the lessons against. Fix: install and start Ollama"
                    + " (https://ollama.com/download), or start Docker, or set LLM_BASE_URL to a server you have");
        }
    }

    private void environmentEndpoint(Map<String, String> env, Probes probes) {
        Endpoint endpoint;
        try {
            endpoint = Endpoint.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            say(Mark.FAIL, "LLM_BASE_URL is not a URL the clients accept: " + e.getMessage()
                    + ". Fix: set it like http://localhost:11434/v1");
            return;
        }
        String base = Endpoint.redactUrl(endpoint.baseUrl()); // printed: without credentials
        HttpResult models;
        try {
            models = probes.get(endpoint.baseUrl() + "/models", endpoint.apiKeyOrPlaceholder());
        } catch (IOException | RuntimeException e) {
            say(Mark.FAIL, "endpoint: LLM_BASE_URL is set, so the lessons use " + base + " — but nothing answers"
                    + " there (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "). Fix: start that server (ollama serve, llama-server --port ..., ...), correct"
                    + " LLM_BASE_URL (host, port, and the /v1 at the end), or unset it to let the workshop find one");
            return;
        }
        if (models.status() == 401 || models.status() == 403) {
            say(Mark.FAIL, "endpoint: " + base + " answers " + models.status() + " to GET /models: the API key is"
                    + " missing or wrong. Fix: set LLM_API_KEY to your key (local servers take any key)");
            return;
        }
        if (models.status() / 100 != 2) {
            say(Mark.WARN, "endpoint: LLM_BASE_URL is set, so the lessons use " + base + "; it answers "
                    + models.status() + " to GET /models, so the doctor cannot list its models."
                    + " Check that the URL ends in /v1");
            return;
        }
        say(Mark.OK, "endpoint: LLM_BASE_URL is set, so the lessons use " + base + " (it answers GET /models)");
        List<String> served = new ArrayList<>();
        try {
            for (JsonNode model : MAPPER.readTree(models.body()).path("data")) {
                served.add(model.path("id").asText());
            }
        } catch (IOException e) {
            say(Mark.WARN, "GET " + base + "/models did not answer JSON, so the doctor cannot list its models");
            return;
        }
        if (endpoint.chatModel() == null) {
            say(Mark.FAIL, "LLM_MODEL is not set, and with LLM_BASE_URL the lessons need a chat model name."
                    + " Fix: export LLM_MODEL=<one of " + served + ">");
        } else {
            present(served, endpoint.chatModel(), "LLM_MODEL", "chat", true, false);
        }
        if (endpoint.embeddingModel() == null) {
            say(Mark.WARN, "LLM_EMBEDDING_MODEL is not set: the embedding lessons (7, 9) need one."
                    + " Fix: export LLM_EMBEDDING_MODEL=<an embedding model of " + served + ">");
        } else {
            present(served, endpoint.embeddingModel(), "LLM_EMBEDDING_MODEL", "embedding", false, false);
        }
    }

    private void ollamaModels(Map<String, String> env, Probes probes, String root, boolean local) {
        HttpResult tags;
        try {
            tags = probes.get(root + "/api/tags", Endpoint.PLACEHOLDER_API_KEY);
        } catch (IOException e) {
            say(Mark.WARN, "the Ollama at " + root + " did not list its models (" + e.getMessage() + ")");
            return;
        }
        List<String> served = new ArrayList<>();
        try {
            for (JsonNode model : MAPPER.readTree(tags.body()).path("models")) {
                served.add(model.path("name").asText());
            }
        } catch (IOException e) {
            say(Mark.WARN, "the Ollama at " + root + " answered /api/tags with no JSON");
            return;
        }
        present(served, chatModel(env), "LLM_MODEL", "chat", true, local);
        present(served, embeddingModel(env), "LLM_EMBEDDING_MODEL", "embedding", false, local);
    }

    /** Says whether {@code model} is among {@code served}; missing is fatal for an endpoint of one's own. */
    private void present(List<String> served, String model, String variable, String kind, boolean chat,
            boolean ollama) {
        boolean found = served.contains(model) || (!model.contains(":") && served.contains(model + ":latest"));
        if (found) {
            say(Mark.OK, "the " + kind + " model " + model + " is there");
        } else if (ollama) {
            say(Mark.WARN, "the " + kind + " model " + model + " is not pulled yet: the first lesson pulls it"
                    + " (with progress), or pull it now: ollama pull " + model);
        } else {
            say(chat ? Mark.FAIL : Mark.WARN, "the server does not list the " + kind + " model " + model
                    + " (it lists " + served + "): a request would answer 404. Fix: export " + variable
                    + "=<one of those>, or load/pull " + model + " there (Ollama: ollama pull " + model + ")");
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

    private static String chatModel(Map<String, String> env) {
        return set(env, "LLM_MODEL") ? env.get("LLM_MODEL").trim() : OllamaTestcontainer.DEFAULT_CHAT_MODEL;
    }

    private static String embeddingModel(Map<String, String> env) {
        return set(env, "LLM_EMBEDDING_MODEL") ? env.get("LLM_EMBEDDING_MODEL").trim()
                : OllamaTestcontainer.DEFAULT_EMBEDDING_MODEL;
    }

    private static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
