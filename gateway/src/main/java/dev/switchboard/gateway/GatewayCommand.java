package dev.switchboard.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.cli.Secrets;
import dev.switchboard.server.cli.RouteOptions;
import dev.switchboard.server.cli.ServeCommand;
import dev.switchboard.server.engine.UpstreamEngine;
import dev.switchboard.server.engine.UpstreamState;

/**
 * The gateway: Switchboard's OpenAI-compatible {@code /v1} and Ollama's {@code /api} in front of one
 * or more upstreams (Ollama hosts, vLLM, llama-server, any OpenAI-compatible API).
 *
 * <pre>
 * java -jar switchboard-gateway-VERSION-all.jar --upstream http://localhost:11434
 * java -jar switchboard-gateway-VERSION-all.jar --upstream gpu1=http://10.0.0.5:11434 \
 *     --upstream gpu2=http://10.0.0.6:11434 --upstream vllm=http://10.0.0.7:8000/v1 --port 8080
 * java -jar switchboard-gateway-VERSION-all.jar --demo-model     # the standalone endpoint instead
 * </pre>
 *
 * <p>Every option falls back to an environment variable (as the FastAPI proxy it replaces):
 * {@code LLM_UPSTREAM_URL} (comma-separated) or {@code OLLAMA_BASE_URL}, {@code PORT}, {@code HOST},
 * {@code TIMEOUT}, {@code CORS_ORIGINS}, and the keys {@code SWITCHBOARD_API_KEY} (what callers
 * must send; several comma-separated) and {@code LLM_UPSTREAM_API_KEY} (what the gateway sends
 * upstream). Keys are best given in files or the environment ({@code --api-key} on the command line
 * is allowed, but {@code ps} shows it), and are never printed.
 *
 * <p>With {@code --model} or {@code --demo-model} it runs the server's standalone llama.cpp
 * endpoint ({@link ServeCommand}) instead. Exit status: 0 after Ctrl+C, 2 for bad arguments, 1
 * otherwise (a port that cannot be bound, an unreadable key file).
 */
@Command(name = "switchboard-gateway", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve OpenAI's /v1 and Ollama's /api in front of Ollama or any OpenAI-compatible upstream.")
public final class GatewayCommand implements Callable<Integer> {

    /** {@code --rag-dir}, {@code --audio-dir} and their options: the RAG route embeds through the upstreams. */
    @Mixin
    RouteOptions routes = new RouteOptions();

    @Option(names = "--upstream", paramLabel = "[NAME=]URL", description = "an upstream; repeat for several."
            + " A URL ending in /v1 is OpenAI-compatible (vLLM, llama-server, OpenAI), any other is an Ollama root."
            + " Default: $LLM_UPSTREAM_URL (comma-separated), else $OLLAMA_BASE_URL, else http://localhost:11434")
    List<String> upstreams = new ArrayList<>();

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}", description = "port; default $PORT, else 8080")
    int port;

    @Option(names = "--host", defaultValue = "${env:HOST:-127.0.0.1}",
            description = "interface to bind; default $HOST, else 127.0.0.1 (this machine only); 0.0.0.0 for all")
    String host;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "${env:TIMEOUT:-120}",
            description = "longest silence from an upstream, before and during a stream; default $TIMEOUT, else 120")
    long timeoutSeconds;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "longest wait to connect to an upstream; default ${DEFAULT-VALUE}")
    long connectTimeoutSeconds;

    @Option(names = "--health-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "how often each upstream's model list is fetched to check it; default ${DEFAULT-VALUE}")
    long healthIntervalSeconds;

    @Option(names = "--max-streams", paramLabel = "N", defaultValue = "512",
            description = "requests relayed at once (each holds a thread); one more gets 503; default ${DEFAULT-VALUE}")
    int maxStreams;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "a browser origin allowed to call"
            + " (https://app.example.com), * for any; repeat for several. Default: $CORS_ORIGINS (comma-separated), else none")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "require KEY (Authorization: Bearer or x-api-key) on every route but / and /health; repeat for"
                    + " several. Shown by ps to every user of the machine: prefer --api-key-file or $SWITCHBOARD_API_KEY")
    List<String> apiKeys = new ArrayList<>();

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "as --api-key, every non-blank line of FILE a key (# starts a comment); repeat for several."
                    + " Without --api-key or --api-key-file: $SWITCHBOARD_API_KEY (comma-separated), else no key")
    List<Path> apiKeyFiles = new ArrayList<>();

    @Option(names = "--upstream-api-key-file", paramLabel = "FILE",
            description = "send the key in FILE to every upstream; default $LLM_UPSTREAM_API_KEY, else none")
    Path upstreamApiKeyFile;

    private final PrintStream out;
    private final CountDownLatch stopped;
    private final Map<String, String> env;

    GatewayCommand(PrintStream out, CountDownLatch stopped, Map<String, String> env) {
        this.out = out;
        this.stopped = stopped;
        this.env = env;
    }

    /** Runs the gateway, or the standalone llama.cpp endpoint for {@code --model}/{@code --demo-model}; exits with its status. */
    public static void main(String[] args) {
        if (Arrays.stream(args).anyMatch(a -> a.equals("--model") || a.startsWith("--model=") || a.equals("--demo-model"))) {
            ServeCommand.main(args);
            return;
        }
        int status = commandLine(new GatewayCommand(System.out, new CountDownLatch(1), System.getenv())).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command line for {@code command}: usage errors never echo an argument (it may be a key). */
    static CommandLine commandLine(GatewayCommand command) {
        return Secrets.hidingArgumentsInUsageErrors(new CommandLine(command));
    }

    /**
     * Builds the upstreams, checks them once, starts the server, prints where it listens and each
     * upstream's state, and waits for Ctrl+C (or, in tests, the latch given to the constructor).
     *
     * @return 0 after stopping
     * @throws InterruptedException if interrupted while serving
     */
    @Override
    public Integer call() throws InterruptedException {
        String upstreamKey = upstreamKey(upstreamApiKeyFile, env);
        List<String> callerKeys = Secrets.readAll(apiKeys, apiKeyFiles, "SWITCHBOARD_API_KEY", env);
        List<String> keys = new ArrayList<>(callerKeys);
        keys.add(upstreamKey);
        PrintStream out = Secrets.redacting(this.out, keys.toArray(new String[0])); // should a line quote one
        UpstreamEngine.Builder engine = UpstreamEngine.builder()
                .healthCheckInterval(Duration.ofSeconds(healthIntervalSeconds))
                .maxConcurrentCalls(maxStreams)
                .secret(upstreamKey); // never shown, should an upstream quote it in an error
        for (String spec : upstreamSpecs()) {
            engine.upstream(UpstreamSpecs.parse(spec, upstreamKey, Duration.ofSeconds(connectTimeoutSeconds),
                    Duration.ofSeconds(timeoutSeconds)));
        }
        UpstreamEngine built = engine.build();
        SwitchboardServer server = SwitchboardServer.builder().engine(built).host(host).port(port).apiKeys(callerKeys)
                .corsOrigins(origins()).rag(routes.rag()).audio(routes.audio()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "switchboard-shutdown"));
        out.println("Switchboard gateway on " + server.openAiBaseUrl() + " (OpenAI) and " + server.rootUrl()
                + " (Ollama)" + (callerKeys.isEmpty() ? "" : ", API key required (" + callerKeys.size()
                + (callerKeys.size() == 1 ? " key)" : " keys)")));
        for (UpstreamState state : built.health().upstreams()) {
            out.println("  upstream " + state.name() + " " + state.url() + ": "
                    + (state.healthy() ? "ok, models " + state.models() : "down, " + state.reason()));
        }
        out.println("Try:  curl " + server.rootUrl() + "/health");
        out.println("Ctrl+C to stop.");
        out.flush();
        stopped.await();
        server.close();
        return 0;
    }

    /**
     * The key sent upstream: the first line of {@code file} if given, else {@code $LLM_UPSTREAM_API_KEY}
     * if set and not blank, else null.
     *
     * @throws IllegalArgumentException if the file is unreadable or empty (naming the file, never the key)
     */
    static String upstreamKey(Path file, Map<String, String> env) {
        String fromEnv = env.get("LLM_UPSTREAM_API_KEY");
        boolean useEnv = file == null && fromEnv != null && !fromEnv.isBlank();
        return Secrets.read(null, useEnv ? "LLM_UPSTREAM_API_KEY" : null, file, env);
    }

    /** The {@code --upstream} values, else the environment's, else a local Ollama. */
    List<String> upstreamSpecs() {
        if (!upstreams.isEmpty()) {
            return upstreams;
        }
        List<String> fromEnv = split(env.get("LLM_UPSTREAM_URL"));
        if (!fromEnv.isEmpty()) {
            return fromEnv;
        }
        List<String> ollama = split(env.get("OLLAMA_BASE_URL"));
        return ollama.isEmpty() ? List.of("http://localhost:11434") : ollama;
    }

    /** The {@code --cors-origin} values, else {@code $CORS_ORIGINS}. */
    List<String> origins() {
        return corsOrigins.isEmpty() ? split(env.get("CORS_ORIGINS")) : corsOrigins;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
