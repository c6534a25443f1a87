package dev.switchboard.server;

import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.fault.Faults;

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
 * <p>Routes: {@code POST /v1/chat/completions}, {@code POST /v1/embeddings}, {@code GET /v1/models},
 * {@code POST /api/chat}, {@code POST /api/generate}, {@code POST /api/embed}, {@code GET /api/tags},
 * {@code GET /} ("Ollama is running"), {@code GET /health}.
 */
public final class SwitchboardServer implements AutoCloseable {

    /** Starts a server for {@code engine} on 127.0.0.1 and a free port. */
    public static SwitchboardServer start(Engine engine) {
        return builder().engine(engine).start();
    }

    /** Returns a builder: host 127.0.0.1, port 0 (a free one). */
    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on. */
    public int port() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** {@code http://host:port}: Ollama's native base. */
    public String rootUrl() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** {@code http://host:port/v1}: the OpenAI-compatible base URL. */
    public String openAiBaseUrl() {
        return rootUrl() + "/v1";
    }

    /** The fault registry, for tests. */
    public Faults faults() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The counters now. */
    public ServerStats stats() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Stops listening, closes open connections and the engine; idempotent. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Builds and starts a {@link SwitchboardServer}. */
    public static final class Builder {
        private Engine engine;
        private String host = "127.0.0.1";
        private int port;

        private Builder() {
        }

        /** The engine; required. */
        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        /** The interface to bind; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Binds and starts.
         *
         * @throws IllegalStateException if no engine was set
         * @throws java.io.UncheckedIOException if the port cannot be bound
         */
        public SwitchboardServer start() {
            throw new UnsupportedOperationException("not yet written");
        }
    }
}
