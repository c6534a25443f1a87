package dev.switchboard.server.engine;

import java.util.List;
import java.util.Objects;

/**
 * One upstream of an {@link UpstreamEngine} as its last health check and its requests left it.
 *
 * @param name     the upstream's name, as configured
 * @param url      where it is, as configured (never with credentials: {@link Upstream} drops them)
 * @param healthy  whether requests go to it: its last health check passed and no request has since
 *                 failed to connect to it
 * @param reason   why it is out of rotation; null while healthy, and before the first check
 * @param inFlight requests it is answering now; 0 or more
 * @param models   the models it serves: the configured list, else what its last successful model
 *                 list named; empty before that
 */
public record UpstreamState(String name, String url, boolean healthy, String reason, int inFlight, List<String> models) {

    /**
     * Copies {@code models}.
     *
     * @throws NullPointerException if {@code name}, {@code url} or {@code models} is null
     */
    public UpstreamState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        models = List.copyOf(Objects.requireNonNull(models, "models"));
    }
}
