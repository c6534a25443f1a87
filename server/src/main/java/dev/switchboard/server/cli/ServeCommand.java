package dev.switchboard.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.server.gguf.DemoModel;

/**
 * The standalone endpoint: serves a GGUF model (or the generated demo model) over OpenAI's
 * {@code /v1} and Ollama's {@code /api}, so curl, Postman or a program in any language can use it.
 *
 * <pre>
 * serve --model ~/models/qwen2.5-0.5b-instruct-q4_k_m.gguf --port 8080
 * serve --demo-model                       # random weights — text is not meaningful
 * </pre>
 *
 * <p>The API key comes from {@code --api-key}, {@code --api-key-env NAME} or {@code --api-key-file FILE}
 * (the last two keep it out of {@code ps}); it is never printed: the curl hint shows
 * {@code $SWITCHBOARD_API_KEY}, and every line the command and its loggers print has the key
 * replaced by {@code ***}.
 *
 * <p>Exit status: 0 after Ctrl+C, 2 for bad arguments (picocli's usage error, a key source that
 * gives no key, or a RAG or audio directory the routes cannot use: the reason is printed), 3 for a
 * model that cannot be loaded (the reason is printed), 70 when the running server can no longer
 * serve (a Vert.x thread died; logged), 1 for anything else, such as a port that cannot be bound.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve a GGUF model with llama.cpp over OpenAI's /v1 and Ollama's /api.")
public final class ServeCommand implements Callable<Integer> {

    /** Exactly one model source. */
    static final class Source {
        @Option(names = "--model", paramLabel = "FILE", description = "the GGUF file to serve")
        Path model;

        @Option(names = "--demo-model", description = "serve the generated demo model (random weights — text is"
                + " not meaningful), written to the temp directory first")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--port", defaultValue = "8080", description = "port to listen on (0: a free one); default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "interface to bind; default ${DEFAULT-VALUE} (this machine only); 0.0.0.0 for every interface")
    String host;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "require 'Authorization: Bearer KEY' on every route but / and /health;"
                    + " visible to every user of the machine in ps: prefer --api-key-env or --api-key-file")
    String apiKey;

    @Option(names = "--api-key-env", paramLabel = "NAME",
            description = "as --api-key, the key read from the environment variable NAME")
    String apiKeyEnv;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "as --api-key, the key read from the first line of FILE")
    Path apiKeyFile;

    @Option(names = "--model-name", paramLabel = "NAME", description = "name to serve the model under;"
            + " default the file name without .gguf (switchboard-demo for --demo-model)")
    String modelName;

    @Option(names = "--ctx-size", paramLabel = "TOKENS", description = "context size; default the model's, at most 4096")
    Integer contextSize;

    @Option(names = "--threads", description = "CPU threads for generation; default the cores, at most 4")
    Integer threads;

    @Option(names = "--queue", defaultValue = "4",
            description = "requests that may wait behind the running one before 503; default ${DEFAULT-VALUE}")
    int queue;

    @Option(names = "--default-max-tokens", paramLabel = "N", description = "max_tokens for requests that set none;"
            + " default unlimited (" + DemoModel.DEFAULT_MAX_TOKENS + " for --demo-model)")
    Integer defaultMaxTokens;

    @Option(names = "--demo-seed", defaultValue = "42", description = "seed of the demo model; default ${DEFAULT-VALUE}")
    long demoSeed;

    @Option(names = "--jinja", description = "render chat templates with llama.cpp's Jinja engine")
    boolean jinja;

    @Mixin
    RouteOptions routes = new RouteOptions();

    private final PrintStream out;
    private final CountDownLatch stopped;
    private final java.util.Map<String, String> env;
    private boolean standalone;

    ServeCommand(PrintStream out, CountDownLatch stopped) {
        this(out, stopped, System.getenv());
    }

    ServeCommand(PrintStream out, CountDownLatch stopped, java.util.Map<String, String> env) {
        this.out = out;
        this.stopped = stopped;
        this.env = env;
    }

    /** Runs the command; exits with its status (see the class comment). */
    public static void main(String[] args) {
        ServeCommand command = new ServeCommand(System.out, new CountDownLatch(1));
        command.standalone = true;
        int status = Secrets.hidingArgumentsInUsageErrors(new CommandLine(command)).execute(args);
        // java-llama.cpp leaves a non-daemon native thread per model: end the JVM explicitly
        System.exit(status);
    }

    /**
     * Loads the model, starts the server, prints what it serves, and waits for Ctrl+C (or, in
     * tests, the latch given to the constructor).
     *
     * @return 0 after stopping, 2 for a RAG or audio directory the routes cannot use, 3 if the model
     *         could not be loaded
     * @throws InterruptedException if interrupted while serving
     */
    @Override
    public Integer call() throws InterruptedException {
        String key;
        try {
            key = Secrets.read(apiKey, apiKeyEnv, apiKeyFile, env);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        PrintStream out = Secrets.redacting(this.out, key);
        if (standalone && key != null) { // every log line too (slf4j-simple writes to System.err)
            System.setOut(Secrets.redacting(System.out, key));
            System.setErr(Secrets.redacting(System.err, key));
        }
        LlamaCppEngine engine;
        try {
            engine = builder().build();
        } catch (ModelLoadException e) {
            out.println("error: " + Secrets.redact(e.getMessage(), key));
            return 3;
        }
        SwitchboardServer.Builder server = SwitchboardServer.builder().engine(engine).host(host).port(port).apiKey(key)
                .rag(routes.rag()).audio(routes.audio());
        if (standalone) { // a server that cannot serve ends the process, for a supervisor to restart it
            server.onFatalError(error -> {
                System.err.println("fatal: the server cannot serve any more (" + error + "); exiting with status 70");
                Runtime.getRuntime().halt(70);
            });
        }
        SwitchboardServer running;
        try {
            running = server.start();
        } catch (IllegalArgumentException e) { // a RAG directory without text, an audio file that is not pcm16
            engine.close();
            out.println("error: " + Secrets.redact(e.getMessage(), key));
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "switchboard-shutdown"));
        out.println("Switchboard endpoint: " + engine.description());
        if (source.demo) {
            out.println("NOTE: the demo model has " + DemoModel.NOTICE + ". It shows the protocol, not a model's answers.");
        }
        out.println("OpenAI-compatible base URL: " + running.openAiBaseUrl() + "   Ollama-compatible: " + running.rootUrl());
        out.println("Model: " + engine.modelName() + (key != null ? "   (API key required)" : ""));
        // the key itself is never printed: the hint names a shell variable the reader sets
        out.println("Try:  curl " + running.openAiBaseUrl() + "/chat/completions"
                + (key != null ? " -H \"Authorization: Bearer " + Secrets.PLACEHOLDER + "\"" : "")
                + " -d '{\"model\":\"" + engine.modelName() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}'");
        out.println("Ctrl+C to stop.");
        out.flush();
        stopped.await();
        running.close();
        return 0;
    }

    private LlamaCppEngine.Builder builder() {
        LlamaCppEngine.Builder b = source.demo
                ? LlamaCppEngine.demo(Path.of(System.getProperty("java.io.tmpdir"), "switchboard-models"), demoSeed)
                : LlamaCppEngine.builder(source.model);
        b.queueCapacity(queue).jinja(jinja);
        if (modelName != null) {
            b.modelName(modelName);
        }
        if (contextSize != null) {
            b.contextSize(contextSize);
        }
        if (threads != null) {
            b.threads(threads);
        }
        if (defaultMaxTokens != null) {
            b.defaultMaxTokens(defaultMaxTokens);
        }
        return b;
    }
}
