package dev.switchboard.gateway;

import java.io.PrintStream;
import java.io.PrintWriter;
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
 * must send) and {@code LLM_UPSTREAM_API_KEY} (what the gateway sends upstream). Keys are read
 * from the environment or files only, never from the command line, and never printed.
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

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "require the key in FILE (Authorization: Bearer or x-api-key) on every route but / and /health;"
                    + " default $SWITCHBOARD_API_KEY, else no key")
    Path apiKeyFile;

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

    /**
     * The command line for {@code command}. A usage error names a mistyped option but never echoes
     * the arguments, as picocli's own message does: the value after a mistyped {@code --api-key} is a key.
     */
    static CommandLine commandLine(GatewayCommand command) {
        CommandLine cli = new CommandLine(command);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = cli.getErr();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                        .map(a -> a.split("=", 2)[0]).toList();
                err.println("error: " + (options.isEmpty() ? "unexpected arguments" : "unknown options " + options)
                        + " (keys are read from $SWITCHBOARD_API_KEY, $LLM_UPSTREAM_API_KEY or a --*-api-key-file,"
                        + " never from the command line)");
            } else {
                err.println("error: " + e.getMessage());
            }
            cli.usage(err);
            return cli.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli;
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
        String upstreamKey = Secrets.read(upstreamApiKeyFile, "LLM_UPSTREAM_API_KEY", env);
        String apiKey = Secrets.read(apiKeyFile, "SWITCHBOARD_API_KEY", env);
        PrintStream out = dev.switchboard.server.cli.Secrets.redacting(this.out, upstreamKey, apiKey); // should a line quote one
        UpstreamEngine.Builder engine = UpstreamEngine.builder()
                .healthCheckInterval(Duration.ofSeconds(healthIntervalSeconds))
                .maxConcurrentCalls(maxStreams)
                .secret(upstreamKey); // never shown, should an upstream quote it in an error
        for (String spec : upstreamSpecs()) {
            engine.upstream(UpstreamSpecs.parse(spec, upstreamKey, Duration.ofSeconds(connectTimeoutSeconds),
                    Duration.ofSeconds(timeoutSeconds)));
        }
        UpstreamEngine built = engine.build();
        SwitchboardServer server = SwitchboardServer.builder().engine(built).host(host).port(port).apiKey(apiKey)
                .corsOrigins(origins()).rag(routes.rag()).audio(routes.audio()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "switchboard-shutdown"));
        out.println("Switchboard gateway on " + server.openAiBaseUrl() + " (OpenAI) and " + server.rootUrl()
                + " (Ollama)" + (apiKey != null ? ", API key required" : ""));
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
