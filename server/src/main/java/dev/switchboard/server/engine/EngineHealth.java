package dev.switchboard.server.engine;

import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /health} reports about an engine: healthy or not, why not, and, for an
 * {@link UpstreamEngine}, the state of each upstream. The server answers 200 when
 * {@link #healthy()} is true and 503 otherwise.
 *
 * @param healthy   whether the engine can answer a request now
 * @param reason    why it cannot, for people; null when healthy
 * @param upstreams each upstream's state, in configuration order; empty for engines without upstreams
 */
public record EngineHealth(boolean healthy, String reason, List<UpstreamState> upstreams) {

    /**
     * Copies {@code upstreams}.
     *
     * @throws NullPointerException if {@code upstreams} is null
     */
    public EngineHealth {
        upstreams = List.copyOf(Objects.requireNonNull(upstreams, "upstreams"));
    }

    /** A healthy engine without upstreams. */
    public static EngineHealth ok() {
        return new EngineHealth(true, null, List.of());
    }

    /**
     * An engine that cannot answer now, for {@code reason}.
     *
     * @throws NullPointerException if {@code reason} is null
     */
    public static EngineHealth unavailable(String reason) {
        return new EngineHealth(false, Objects.requireNonNull(reason, "reason"), List.of());
    }
}
