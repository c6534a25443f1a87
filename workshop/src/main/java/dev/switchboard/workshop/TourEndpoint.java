package dev.switchboard.workshop;

import dev.switchboard.core.Endpoint;

/**
 * The endpoint the tour runs against, and how it was found.
 *
 * @param endpoint    where to connect, with chat and embedding models set
 * @param description one line for the reader: which server, found how
 * @param ollama      whether it also serves Ollama's native {@code /api} at {@link Endpoint#rootUrl()}
 * @param resource    what to close after the tour (the embedded server), or null
 */
public record TourEndpoint(Endpoint endpoint, String description, boolean ollama, AutoCloseable resource)
        implements AutoCloseable {

    /** Closes the embedded server, if any. */
    @Override
    public void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }
}
