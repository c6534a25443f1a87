package dev.switchboard.server.internal.upstream;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.core.ModelInfo;
import dev.switchboard.server.engine.Upstream;
import dev.switchboard.server.engine.UpstreamState;

/**
 * One upstream's live state: healthy or not and why, requests in flight, the models it last
 * listed. Thread-safe: health checks write it, requests on any thread read it.
 */
public final class UpstreamNode {

    private final Upstream upstream;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean healthy;
    private volatile boolean checked;
    private volatile String reason = "not checked yet";
    private volatile List<ModelInfo> listed = List.of();

    /** @param upstream the configuration */
    public UpstreamNode(Upstream upstream) {
        this.upstream = upstream;
    }

    /** The configuration. */
    public Upstream upstream() {
        return upstream;
    }

    /** Whether requests go to it now. */
    public boolean healthy() {
        return healthy;
    }

    /** Whether a health check has finished at least once. */
    public boolean checked() {
        return checked;
    }

    /** Requests it answers now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** A request starts on it. */
    public void acquire() {
        inFlight.incrementAndGet();
    }

    /** A request on it ended. */
    public void release() {
        inFlight.decrementAndGet();
    }

    /** A health check passed, listing {@code models}: back into rotation. */
    public void up(List<ModelInfo> models) {
        listed = List.copyOf(models);
        reason = null;
        healthy = true;
        checked = true;
    }

    /** A health check or a request found it down, for {@code why}: out of rotation until a check passes. */
    public void down(String why) {
        reason = why;
        healthy = false;
        checked = true;
    }

    /** The models it serves: the configured ones, else the ones it last listed. */
    public List<ModelInfo> models() {
        if (!upstream.models().isEmpty()) {
            return upstream.models().stream().map(id -> new ModelInfo(id, upstream.name(), 0)).toList();
        }
        return listed;
    }

    /**
     * Whether it serves {@code model}, or might: an upstream that was never listed (no check passed
     * yet) and has no configured models might serve anything.
     */
    public boolean mayServe(String model) {
        if (upstream.models().isEmpty() && listed.isEmpty()) {
            return true;
        }
        return serves(model);
    }

    /** Whether it is known to serve {@code model}. */
    public boolean serves(String model) {
        for (ModelInfo info : models()) {
            if (info.id().equals(model)) {
                return true;
            }
        }
        return false;
    }

    /** The state for {@code /health}. */
    public UpstreamState state() {
        return new UpstreamState(upstream.name(), upstream.url(), healthy, healthy ? null : reason, inFlight.get(),
                models().stream().map(ModelInfo::id).toList());
    }
}
