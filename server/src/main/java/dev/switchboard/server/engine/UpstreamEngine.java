package dev.switchboard.server.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.server.internal.upstream.UpstreamCall;
import dev.switchboard.server.internal.upstream.UpstreamNode;
import dev.switchboard.server.internal.upstream.UpstreamPool;

/**
 * An engine that forwards every request to one or more real endpoints (Ollama, vLLM, llama-server,
 * OpenAI, another Switchboard) through the project's own {@link dev.switchboard.core.LlmClient}s:
 * Switchboard as a gateway.
 *
 * <pre>{@code
 * UpstreamEngine engine = UpstreamEngine.builder()
 *         .upstream(Upstream.of("gpu1", "http://gpu1:11434", LlmClients.create("raw-http-ollama", endpoint1)))
 *         .upstream(Upstream.of("gpu2", "http://gpu2:11434", LlmClients.create("raw-http-ollama", endpoint2)))
 *         .build();                                       // checks each upstream once before returning
 * SwitchboardServer server = SwitchboardServer.builder().engine(engine).port(8080).start();
 * }</pre>
 *
 * <ul>
 *   <li><b>Streaming.</b> Each chat is relayed upstream as a stream, on a worker thread of its own
 *       that pulls the upstream's events and hands each to the server as it arrives: nothing is
 *       buffered, so the first token reaches the caller as soon as the upstream sends it. A slow
 *       caller pauses that thread (back-pressure reaches the upstream through TCP); a caller who
 *       disconnects closes the upstream stream, which cancels the upstream request. A caller's
 *       non-streaming request is streamed upstream too and assembled by the server.</li>
 *   <li><b>Routing.</b> A model is served by every upstream that lists it at its health check (or
 *       was configured with it, {@link Upstream#serving}); a request goes to the healthy one with
 *       the fewest requests in flight (ties taken in turn). A failure before the first event
 *       reached the caller (unreachable, timed out, 429, 5xx, a stream that broke before its first
 *       event) is tried on the next such upstream; after the first event it ends the answer with
 *       an error frame. No state is kept between requests.</li>
 *   <li><b>Health.</b> Every upstream's model list is fetched at {@link Builder#build()} and then
 *       every {@link Builder#healthCheckInterval(Duration)}: a failing list takes it out of
 *       rotation, a passing one puts it back (and refreshes its models). A request that cannot
 *       connect to an upstream, or times out, also takes it out until the next passing check.
 *       {@link #health()} reports each upstream's state for {@code GET /health}.</li>
 *   <li><b>Errors.</b> The upstream's typed {@link LlmException} becomes the caller's status in
 *       one place (the table in the server README, "Gateway"): 429 with its {@code Retry-After},
 *       404 for an unknown model, 400 as the upstream said, 502 unreachable or broken, 503 no
 *       healthy upstream or upstream overloaded, 504 timed out.</li>
 * </ul>
 *
 * <p>Bounded: at most {@link Builder#maxConcurrentCalls(int)} relays run at once (each holds one
 * thread while its stream is open); one more is refused 503 with {@code Retry-After: 1}.
 * Thread-safe.
 */
public final class UpstreamEngine implements Engine {

    private final UpstreamPool pool;
    private final ThreadPoolExecutor relays;
    private final ScheduledExecutorService checks;
    /** Closes cancelled upstream streams off the event loop. */
    private final ThreadPoolExecutor closer;
    private final ReasoningShape reasoningShape;
    private final int maxConcurrentCalls;
    private final AtomicBoolean closed = new AtomicBoolean();

    private static final String CLOSED = "the gateway is closed";

    private UpstreamEngine(Builder builder) {
        this.pool = new UpstreamPool(builder.upstreams, builder.secrets);
        this.reasoningShape = builder.reasoningShape;
        this.maxConcurrentCalls = builder.maxConcurrentCalls;
        this.relays = new ThreadPoolExecutor(0, maxConcurrentCalls, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon("switchboard-upstream-"));
        this.checks = Executors.newScheduledThreadPool(Math.min(pool.nodes().size(), 4), daemon("switchboard-health-"));
        this.closer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4096),
                daemon("switchboard-upstream-close-"));
    }

    /** Returns a builder: no upstream yet (one is required), checks every 5 s, 512 concurrent relays. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The models of the healthy upstreams, each once, in upstream order; when none is healthy, the
     * models every upstream last listed. Never does I/O (the lists come from the health checks).
     */
    @Override
    public List<ModelInfo> models() {
        return pool.models();
    }

    /**
     * Relays {@code request} to an upstream serving its model (null: the first of {@link #models()}).
     *
     * @throws EngineException 404 if no upstream serves the model, 503 if none that does is
     *                         healthy, or if {@link Builder#maxConcurrentCalls} relays are running
     *                         (with {@code Retry-After: 1}), or after {@link #close()}
     */
    @Override
    public EngineCall chat(ChatRequest request, EngineSink sink) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        requireOpen();
        String model = pool.resolve(request.model());
        UpstreamCall call = new UpstreamCall(request.withModel(model), sink, pool.router(model), closer);
        try {
            relays.execute(call);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        return call;
    }

    /**
     * Embeds through an upstream serving the model, tried as {@link #chat} tries them; blocks on
     * the caller's (a worker) thread.
     *
     * @throws EngineException as {@link #chat}, and the upstream's failure mapped as for a chat
     */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        Objects.requireNonNull(request, "request");
        requireOpen();
        return pool.embed(request);
    }

    /** The shape set with {@link Builder#reasoningShape}, for every model. */
    @Override
    public ReasoningShape reasoningShape(String model) {
        return reasoningShape;
    }

    /**
     * Healthy while at least one upstream is; otherwise the reason names each upstream's. The
     * upstreams' states come in configuration order. No I/O.
     */
    @Override
    public EngineHealth health() {
        List<UpstreamState> states = pool.nodes().stream().map(UpstreamNode::state).toList();
        if (closed.get()) {
            return new EngineHealth(false, CLOSED, states);
        }
        if (states.stream().anyMatch(UpstreamState::healthy)) {
            return new EngineHealth(true, null, states);
        }
        return new EngineHealth(false, "no upstream is healthy: " + pool.reasons(), states);
    }

    /**
     * Runs one health check of every upstream now, in parallel, and waits for them (at most
     * {@code timeout}); what the scheduled checks do. Useful after a known change.
     */
    public void checkNow(Duration timeout) {
        CompletableFuture<?>[] all = pool.nodes().stream()
                .map(node -> CompletableFuture.runAsync(() -> pool.check(node), checks))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a check still running, or one that failed in an unexpected way: its node says so
        }
    }

    /** Stops the checks and the relays (cancelling their upstream streams) and closes every client; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        checks.shutdownNow();
        relays.shutdownNow();
        closer.shutdown();
        pool.closeClients();
    }

    /** Throws 503 "the gateway is closed" once {@link #close()} ran. */
    private void requireOpen() {
        if (closed.get()) {
            throw new EngineException(503, CLOSED);
        }
    }

    private EngineException busy() {
        return new EngineException(503, "the gateway is relaying its limit of " + maxConcurrentCalls
                + " requests; try again shortly", Duration.ofSeconds(1));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures an {@link UpstreamEngine}. */
    public static final class Builder {
        private final List<Upstream> upstreams = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();
        private Duration healthCheckInterval = Duration.ofSeconds(5);
        private Duration firstCheckTimeout = Duration.ofSeconds(10);
        private int maxConcurrentCalls = 512;
        private ReasoningShape reasoningShape = ReasoningShape.REASONING_CONTENT;

        private Builder() {
        }

        /**
         * Adds an upstream; at least one is required. Order matters only for {@link #models()}
         * and {@code /health}.
         *
         * @throws NullPointerException     if {@code upstream} is null
         * @throws IllegalArgumentException if an upstream of the same name was added
         */
        public Builder upstream(Upstream upstream) {
            Objects.requireNonNull(upstream, "upstream");
            if (upstreams.stream().anyMatch(u -> u.name().equals(upstream.name()))) {
                throw new IllegalArgumentException("two upstreams are named '" + upstream.name() + "'");
            }
            upstreams.add(upstream);
            return this;
        }

        /**
         * A string never to show, such as an upstream's API key: wherever it appears in a message
         * the engine produces (an error answered to a caller, a reason in {@code /health}), it is
         * replaced by {@code ***}. An upstream may quote the key it was sent; this is the net under
         * that. Null or blank is ignored.
         */
        public Builder secret(String secret) {
            if (secret != null && !secret.isBlank()) {
                secrets.add(secret);
            }
            return this;
        }

        /**
         * How often each upstream's model list is fetched to check it; default 5 s.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder healthCheckInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("healthCheckInterval must be positive, was " + interval);
            }
            this.healthCheckInterval = interval;
            return this;
        }

        /**
         * How long {@link #build()} waits for the first checks; default 10 s. An upstream whose
         * check has not finished by then stays out of rotation until it does.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder firstCheckTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("firstCheckTimeout must be zero or more, was " + timeout);
            }
            this.firstCheckTimeout = timeout;
            return this;
        }

        /**
         * Relays that may run at once (each holds a thread while its stream is open); default 512.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxConcurrentCalls(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentCalls must be 1 or more, was " + max);
            }
            this.maxConcurrentCalls = max;
            return this;
        }

        /**
         * How {@code /v1} carries the upstreams' reasoning; default {@code reasoning_content}
         * (llama.cpp, vLLM, DeepSeek). Ollama's {@code /v1} uses {@link ReasoningShape#REASONING}.
         *
         * @throws NullPointerException if {@code shape} is null
         */
        public Builder reasoningShape(ReasoningShape shape) {
            this.reasoningShape = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /**
         * Checks every upstream once (waiting at most {@link #firstCheckTimeout}), schedules the
         * periodic checks and returns the engine. Upstreams that are down do not stop it: they
         * join the rotation when a check passes.
         *
         * @throws IllegalStateException if no upstream was added
         */
        public UpstreamEngine build() {
            if (upstreams.isEmpty()) {
                throw new IllegalStateException("an UpstreamEngine needs at least one upstream");
            }
            UpstreamEngine engine = new UpstreamEngine(this);
            engine.checkNow(firstCheckTimeout);
            long ms = healthCheckInterval.toMillis();
            for (UpstreamNode node : engine.pool.nodes()) {
                engine.checks.scheduleWithFixedDelay(() -> engine.pool.check(node), ms, ms, TimeUnit.MILLISECONDS);
            }
            return engine;
        }
    }
}
