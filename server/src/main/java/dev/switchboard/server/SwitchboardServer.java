package dev.switchboard.server;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import dev.switchboard.core.ModelInfo;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Faults;
import dev.switchboard.server.internal.ApiKeys;
import dev.switchboard.server.internal.ConnectionGuard;
import dev.switchboard.server.internal.FatalErrorWatch;
import dev.switchboard.server.internal.Routes;
import dev.switchboard.server.internal.ServerContext;
import dev.switchboard.server.internal.audio.AudioClip;
import dev.switchboard.server.internal.audio.AudioRoute;
import dev.switchboard.server.internal.rag.KnowledgeBase;
import dev.switchboard.server.internal.rag.RagRoute;

/**
 * An embeddable OpenAI- and Ollama-compatible HTTP endpoint in front of an {@link Engine}.
 *
 * <pre>{@code
 * try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
 *     Endpoint endpoint = Endpoint.builder().baseUrl(server.openAiBaseUrl()).chatModel("scripted").build();
 *     ...
 * }
 * }</pre>
 *
 * <p>Routes: {@code POST /v1/chat/completions} (also as {@code POST /chat/completions}),
 * {@code POST /v1/embeddings}, {@code GET /v1/models}, {@code GET /v1/models/{id}},
 * {@code POST /api/chat}, {@code POST /api/generate}, {@code POST /api/embed}, {@code GET /api/tags},
 * {@code GET /api/version}, {@code GET /} ("Ollama is running"), {@code GET /health} (the engine's
 * {@link Engine#health()}: 200 or 503), and {@code OPTIONS} on each (CORS preflights,
 * {@link Builder#corsOrigins}). One access-log line per request on the SLF4J logger
 * {@code dev.switchboard.server.access}. Shapes, status codes and error envelopes
 * are in the server README; they follow the recorded
 * {@code core/src/test/resources/reference/llama-server-transcripts/} on {@code /v1} and
 * {@code core/src/test/resources/reference/ollama-wire.md} on {@code /api}.
 *
 * <p>Built on Vert.x core: a few event loops (by default one per core) serve every connection,
 * each SSE event or NDJSON line is flushed as it is written, and an open stream costs no thread.
 * HTTP/1.1 only, no compression, request bodies up to 8 MiB; authentication only with
 * {@link Builder#apiKey(String)}. Timeouts and caps on what clients hold are {@link ServerLimits};
 * engine work runs on worker threads, never on an event loop; a thread that dies closes the
 * server instead of leaving it deaf ({@link Builder#onFatalError}). A client that
 * closes its connection mid-stream cancels the engine call ({@link ServerStats#cancelledStreams()}).
 * Thread-safe.
 */
public final class SwitchboardServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final Vertx vertx;
    private final ServerContext context;
    private final String host;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile FatalErrorWatch watch;

    private SwitchboardServer(Vertx vertx, ServerContext context, String host, int port) {
        this.vertx = vertx;
        this.context = context;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a server for {@code engine} on 127.0.0.1 and a free port, with the builder's other
     * defaults (one event loop per core).
     *
     * @throws NullPointerException  if {@code engine} is null
     * @throws UncheckedIOException  if no port can be bound
     * @throws IllegalStateException as {@link Builder#start()}
     */
    public static SwitchboardServer start(Engine engine) {
        return builder().engine(Objects.requireNonNull(engine, "engine")).start();
    }

    /** Returns a builder: no engine yet (required), host 127.0.0.1, port 0 (a free one), one event loop per core. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** {@code http://host:port}: Ollama's native base (an IPv6 host in brackets). */
    public String rootUrl() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code http://host:port/v1}: the OpenAI-compatible base URL. */
    public String openAiBaseUrl() {
        return rootUrl() + "/v1";
    }

    /** The fault registry, for tests; faults registered here act on the next matching requests. */
    public Faults faults() {
        return context.faults();
    }

    /** A snapshot of the counters now; never null. Each call reads them afresh. */
    public ServerStats stats() {
        return context.stats();
    }

    /**
     * Stops listening, cancels running engine calls, closes open connections, Vert.x (its threads
     * end) and the engine; idempotent. Waits up to 10 s for Vert.x to stop. Afterwards the port is
     * free. Must not be called from one of the server's own event-loop threads.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (watch != null) {
            watch.close();
        }
        context.cancelAll();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Vert.x failed to stop in time; nothing more a caller could do about it
        } finally {
            context.engine().close();
        }
    }

    /** The fatal-error path's close: the watch has fired, so it must not be stopped from its own thread. */
    private void closeAfterFatalError() {
        FatalErrorWatch fired = watch;
        watch = null;
        close();
        if (fired != null) {
            fired.close();
        }
    }

    /** Builds and starts a {@link SwitchboardServer}. */
    public static final class Builder {
        private Engine engine;
        private String host = "127.0.0.1";
        private int port;
        private int eventLoops = Math.max(1, Runtime.getRuntime().availableProcessors());
        private List<String> apiKeys = List.of();
        private ServerLimits limits = ServerLimits.defaults();
        private Consumer<Throwable> onFatalError;
        private List<String> corsOrigins = List.of();
        private RagOptions rag;
        private AudioOptions audio = AudioOptions.defaults();

        private Builder() {
        }

        /**
         * Turns on {@code POST /rag/chat/completions} with a knowledge base loaded by
         * {@link #start()} (see {@link RagOptions}); default null: the route answers 404.
         */
        public Builder rag(RagOptions rag) {
            this.rag = rag;
            return this;
        }

        /**
         * Where {@code POST /audio/chat/completions} takes its reply from and how it paces it (see
         * {@link AudioOptions}); default {@link AudioOptions#defaults()}, the generated reply.
         *
         * @throws NullPointerException if {@code audio} is null
         */
        public Builder audio(AudioOptions audio) {
            this.audio = Objects.requireNonNull(audio, "audio");
            return this;
        }

        /**
         * The engine; required. The server closes it on {@link SwitchboardServer#close()}, but not
         * when {@link #start()} fails. Null is accepted here and refused by {@link #start()}.
         */
        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * The interface to bind, a host name or a literal address; default {@code 127.0.0.1}. An
         * IPv6 literal is given without brackets ({@code ::1}); the URLs add them.
         *
         * @throws NullPointerException if {@code host} is null
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port; 0 (default) picks a free one.
         *
         * @throws IllegalArgumentException if outside 0 to 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * How many event-loop threads serve connections; default the number of cores. Each
         * connection stays on one of them.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder eventLoops(int eventLoops) {
            if (eventLoops < 1) {
                throw new IllegalArgumentException("eventLoops must be 1 or more, was " + eventLoops);
            }
            this.eventLoops = eventLoops;
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <apiKey>} (or {@code x-api-key: <apiKey>}) on every
         * route but {@code GET /} and {@code GET /health}; a request without it, or with another
         * key, gets 401 {@code Invalid API Key} (llama-server's words) in the route's error
         * envelope. Default null: no authentication. The same as {@code apiKeys(List.of(apiKey))}.
         *
         * @throws IllegalArgumentException if {@code apiKey} is empty
         */
        public Builder apiKey(String apiKey) {
            if (apiKey != null && apiKey.isEmpty()) {
                throw new IllegalArgumentException("apiKey must not be empty; use null for none");
            }
            return apiKeys(apiKey == null ? List.of() : List.of(apiKey));
        }

        /**
         * Requires one of {@code apiKeys} (one per user or application, say), as
         * {@code Authorization: Bearer KEY} or {@code x-api-key: KEY}, on every route but
         * {@code GET /} and {@code GET /health}; otherwise 401 {@code Invalid API Key}. The server
         * keeps only their SHA-256 digests and compares in constant time; no key is ever logged or
         * sent back. Default empty: no authentication. Replaces any earlier {@link #apiKey}.
         *
         * @throws IllegalArgumentException if a key is empty or holds a space, control or non-ASCII
         *                                  character (no header could carry it)
         * @throws NullPointerException     if {@code apiKeys} or one of them is null
         */
        public Builder apiKeys(List<String> apiKeys) {
            ApiKeys.of(apiKeys); // checks them now, where the caller can see which call was wrong
            this.apiKeys = List.copyOf(apiKeys);
            return this;
        }

        /**
         * The bounds on what clients may hold and for how long; default {@link ServerLimits#defaults()}.
         *
         * @throws NullPointerException if {@code limits} is null
         */
        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * What to do once the server can no longer serve (an event-loop or acceptor thread died, or
         * a {@link VirtualMachineError} such as {@link OutOfMemoryError} reached Vert.x): called once,
         * on a thread of its own, after the failure is logged at ERROR, the dead loop's sockets are
         * closed and the server is closed (so its clients see a refused connection, never a silent
         * one). Default null: nothing more. The standalone
         * endpoint exits the JVM here, for a supervisor to restart it.
         */
        public Builder onFatalError(Consumer<Throwable> onFatalError) {
            this.onFatalError = onFatalError;
            return this;
        }

        /**
         * Lets pages from {@code origins} call the server from a browser (CORS): their requests get
         * {@code Access-Control-Allow-Origin}, and a preflight {@code OPTIONS} is answered 204 with
         * the allowed methods and headers. {@code *} allows any origin. Default empty: no CORS
         * header is sent (a preflight is still answered 204, without them, so the browser refuses).
         *
         * @throws NullPointerException if {@code origins} or one of them is null
         */
        public Builder corsOrigins(List<String> origins) {
            this.corsOrigins = List.copyOf(origins);
            return this;
        }

        /**
         * Binds and starts: calls the engine's {@code models()} once (its first model is the one
         * named in answers to requests without a model), then binds every event loop to the port.
         * Waits up to 30 s for binding.
         *
         * <p>With {@link #rag}, the knowledge base is read and embedded first (blocking); with
         * {@link #audio}, its files are read.
         *
         * @throws IllegalStateException       if no engine was set, or binding took over 30 s, was
         *                                     interrupted or failed for a reason other than I/O, or
         *                                     the engine failed to embed the RAG knowledge base
         * @throws IllegalArgumentException    if the RAG directory is missing or holds no text, or the
         *                                     audio WAV file is not 16-bit PCM mono
         * @throws java.io.UncheckedIOException if the port cannot be bound
         */
        public SwitchboardServer start() {
            if (engine == null) {
                throw new IllegalStateException("engine is required: builder().engine(new ScriptedEngine())");
            }
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(4));
            try {
                List<ModelInfo> models = engine.models();
                String defaultModel = models.isEmpty() ? ScriptedEngine.MODEL : models.get(0).id();
                ServerContext context = new ServerContext(vertx, engine, new Faults(), defaultModel, ApiKeys.of(apiKeys),
                        corsOrigins, limits);
                RagRoute ragRoute = new RagRoute(context, rag == null ? null : KnowledgeBase.load(rag, engine), rag);
                AudioRoute audioRoute = new AudioRoute(context, AudioClip.load(audio), audio);
                List<HttpServer> servers = new CopyOnWriteArrayList<>();
                SwitchboardServer server = new SwitchboardServer(vertx, context, host,
                        listen(vertx, new Routes(context, ragRoute, audioRoute), servers));
                server.watch = new FatalErrorWatch(vertx, host + ":" + server.port, server::closeAfterFatalError,
                        onFatalError, servers);
                server.watch.start();
                return server;
            } catch (RuntimeException e) {
                vertx.close();
                throw e;
            }
        }

        /**
         * One HTTP server per event loop, all on one port: Vert.x shares the socket and spreads
         * connections over them. Port 0 becomes -1, Vert.x's "one random port shared by these
         * servers".
         */
        private int listen(Vertx vertx, Routes routes, List<HttpServer> servers) {
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(host)
                    .setPort(port == 0 ? -1 : port)
                    .setTcpNoDelay(true)
                    .setCompressionSupported(false)
                    .setHttp2ClearTextEnabled(false) // HTTP/1.1 only, as llama-server and Ollama
                    .setHandle100ContinueAutomatically(true) // curl sends Expect: 100-continue for large bodies
                    // a quiet stream is closed only after the idle timeout (default 5 min; slow engines, stalls)
                    .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toSeconds()
                            + (limits.idleTimeout().toNanosPart() > 0 ? 1 : 0)))
                    .setIdleTimeoutUnit(TimeUnit.SECONDS);
            ConnectionGuard guard = new ConnectionGuard(vertx, limits, routes);
            Supplier<Deployable> perEventLoop = () -> loop -> vertx.createHttpServer(options)
                    .connectionHandler(guard::connected).requestHandler(guard)
                    .listen().onSuccess(servers::add);
            try {
                vertx.deployVerticle(perEventLoop, new DeploymentOptions().setInstances(eventLoops))
                        .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return servers.get(0).actualPort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException) {
                    throw new UncheckedIOException("cannot bind " + host + ":" + port, (IOException) e.getCause());
                }
                throw new IllegalStateException("cannot start on " + host + ":" + port, e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("binding " + host + ":" + port + " took over "
                        + START_TIMEOUT_SECONDS + " s", e);
            }
        }
    }
}
