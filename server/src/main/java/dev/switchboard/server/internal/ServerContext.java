package dev.switchboard.server.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;

import dev.switchboard.server.ServerLimits;
import dev.switchboard.server.ServerStats;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.fault.Faults;

/** What every request handler of one server shares: engine, faults, counters, open engine calls. */
public final class ServerContext {

    private final Vertx vertx;
    private final Engine engine;
    private final Faults faults;
    private final String defaultModel;
    private final ApiKeys apiKeys;
    private final java.util.List<String> corsOrigins;
    private final ServerLimits limits;
    private final AtomicLong requests = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger activeChats = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong openStreams = new AtomicLong();
    private final AtomicLong completedStreams = new AtomicLong();
    private final AtomicLong cancelledStreams = new AtomicLong();
    private final Set<EngineCall> calls = ConcurrentHashMap.newKeySet();

    /** @param defaultModel the model named in answers to requests that named none */
    public ServerContext(Vertx vertx, Engine engine, Faults faults, String defaultModel) {
        this(vertx, engine, faults, defaultModel, null);
    }

    /**
     * @param defaultModel the model named in answers to requests that named none
     * @param apiKey       the bearer token every request but {@code GET /} and {@code /health} must
     *                     carry; null for none
     */
    public ServerContext(Vertx vertx, Engine engine, Faults faults, String defaultModel, String apiKey) {
        this(vertx, engine, faults, defaultModel, apiKey, java.util.List.of());
    }

    /**
     * @param defaultModel the model named in answers to requests that named none, while the engine
     *                     lists none
     * @param apiKey       the bearer token every request but {@code GET /} and {@code /health} must
     *                     carry; null for none
     * @param corsOrigins  origins allowed to call from a browser, {@code *} for any; empty for none
     */
    public ServerContext(Vertx vertx, Engine engine, Faults faults, String defaultModel, String apiKey,
            java.util.List<String> corsOrigins) {
        this(vertx, engine, faults, defaultModel,
                ApiKeys.of(apiKey == null ? java.util.List.of() : java.util.List.of(apiKey)), corsOrigins,
                ServerLimits.defaults());
    }

    /**
     * @param defaultModel the model named in answers to requests that named none, while the engine
     *                     lists none
     * @param apiKeys      the keys of which every request but {@code GET /} and {@code /health} must
     *                     carry one; none for no authentication
     * @param corsOrigins  origins allowed to call from a browser, {@code *} for any; empty for none
     * @param limits       the server's bounds
     */
    public ServerContext(Vertx vertx, Engine engine, Faults faults, String defaultModel, ApiKeys apiKeys,
            java.util.List<String> corsOrigins, ServerLimits limits) {
        this.corsOrigins = java.util.List.copyOf(corsOrigins);
        this.limits = limits;
        this.vertx = vertx;
        this.engine = engine;
        this.faults = faults;
        this.defaultModel = defaultModel;
        this.apiKeys = java.util.Objects.requireNonNull(apiKeys, "apiKeys");
    }

    /** The accepted API keys (as digests); none required when empty. */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** The Vert.x instance. */
    public Vertx vertx() {
        return vertx;
    }

    /** The engine. */
    public Engine engine() {
        return engine;
    }

    /** The fault registry. */
    public Faults faults() {
        return faults;
    }

    /** Origins allowed to call from a browser ({@code *} for any); empty for none. */
    public java.util.List<String> corsOrigins() {
        return corsOrigins;
    }

    /**
     * The model named in answers to requests without one: the engine's first listed model now (an
     * upstream engine's list changes as upstreams come and go), else the one given at start.
     */
    public String defaultModel() {
        java.util.List<dev.switchboard.core.ModelInfo> models = engine.models();
        return models.isEmpty() ? defaultModel : models.get(0).id();
    }

    /** The server's bounds. */
    public ServerLimits limits() {
        return limits;
    }

    /** Takes a place among the running chat answers; false when {@link ServerLimits#maxStreams()} are running. */
    public boolean chatStarted() {
        while (true) {
            int now = activeChats.get();
            if (now >= limits.maxStreams()) {
                return false;
            }
            if (activeChats.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back the place of a chat answer that ended. */
    public void chatEnded() {
        activeChats.decrementAndGet();
    }

    /** Counts one received request. */
    public void requestReceived() {
        requests.incrementAndGet();
    }

    /** A streaming response starts (its engine call is running). */
    public void streamOpened() {
        openStreams.incrementAndGet();
    }

    /** A streaming response ended: completed to its end, cancelled by its client, or neither (a fault or an error). */
    public void streamClosed(boolean completed, boolean cancelled) {
        openStreams.decrementAndGet();
        if (completed) {
            completedStreams.incrementAndGet();
        }
        if (cancelled) {
            cancelledStreams.incrementAndGet();
        }
    }

    /** Remembers a running engine call, so closing the server cancels it. */
    public void callStarted(EngineCall call) {
        calls.add(call);
    }

    /** Forgets an engine call that ended. */
    public void callEnded(EngineCall call) {
        calls.remove(call);
    }

    /** Cancels every running engine call. */
    public void cancelAll() {
        for (EngineCall call : calls) {
            try {
                call.cancel();
            } catch (RuntimeException ignored) {
                // EngineCall.cancel never throws by contract; a broken engine must not stop close()
            }
        }
        calls.clear();
    }

    /** The counters now. */
    public ServerStats stats() {
        return new ServerStats(requests.get(), openStreams.get(), completedStreams.get(), cancelledStreams.get());
    }
}
