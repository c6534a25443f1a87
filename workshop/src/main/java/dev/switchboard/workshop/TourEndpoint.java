package dev.switchboard.workshop;

import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.Endpoint;

/**
 * The endpoint the tour runs against, how it was found, and what it cannot do.
 *
 * @param endpoint    where to connect, with chat and embedding models set
 * @param description one line for the reader: which server, found how
 * @param ollama      whether it also serves Ollama's native {@code /api} at {@link Endpoint#rootUrl()}
 * @param resource    what to close after the tour (the embedded server), or null
 * @param unsupported the scenarios this endpoint cannot serve, each with the reason a reader sees
 *                    in the matrix (e.g. the embeddings of an {@code LLM_BASE_URL} declared
 *                    without them in {@code LLM_UNSUPPORTED}); empty when it can serve them all
 */
public record TourEndpoint(Endpoint endpoint, String description, boolean ollama, AutoCloseable resource,
        Map<Scenario, String> unsupported) implements AutoCloseable {

    /** Copies the map. */
    public TourEndpoint {
        unsupported = Map.copyOf(unsupported);
    }

    /** An endpoint that can serve every scenario. */
    public TourEndpoint(Endpoint endpoint, String description, boolean ollama, AutoCloseable resource) {
        this(endpoint, description, ollama, resource, Map.of());
    }

    /** Why this endpoint cannot serve {@code scenario}; empty if it can. */
    public Optional<String> unsupported(Scenario scenario) {
        return Optional.ofNullable(unsupported.get(scenario));
    }

    /**
     * Why every Ollama-native cell is n/a on this endpoint, in the same words for each: the resolution
     * checked the Ollama API once ({@code GET <rootUrl>/} answering {@code Ollama is running}); empty
     * where the endpoint serves Ollama's {@code /api}.
     */
    public Optional<String> ollamaMissing() {
        return ollama ? Optional.empty()
                : Optional.of("this server has no Ollama /api (GET " + Endpoint.redactUrl(endpoint.rootUrl())
                        + "/ does not answer \"Ollama is running\"): is it an Ollama?");
    }

    /** Closes the embedded server, if any. */
    @Override
    public void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }
}
