package dev.switchboard.testkit.live;

import java.util.Objects;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.Endpoint;

/**
 * A real endpoint chosen by {@link EndpointResolution}: where it is, which kind it is, why it was
 * chosen, and what it can do. Closing it releases what the resolution started (a container, an
 * in-process engine); an endpoint that was only found (a URL, a local Ollama) is left running.
 *
 * @param endpoint     the OpenAI-compatible endpoint ({@code baseUrl} ends in {@code /v1}; Ollama's
 *                     native API, where there is one, at {@link Endpoint#rootUrl()})
 * @param kind         which step of the resolution chose it
 * @param reason       one line saying why, e.g. {@code "LLM_BASE_URL is set"}
 * @param capabilities what the endpoint's server and model support; for instance a random-weight model
 *                     declares {@link dev.switchboard.core.Capability#TOOLS} unsupported, with the reason
 * @param ollamaApi    whether the server also speaks Ollama's native {@code /api} at
 *                     {@link Endpoint#rootUrl()} (an Ollama, or Switchboard's server); false for a plain
 *                     OpenAI-compatible server such as llama-server or vLLM
 * @param resource     what {@link #close()} releases; {@code () -> { }} when nothing was started
 */
public record LiveEndpoint(Endpoint endpoint, Kind kind, String reason, Capabilities capabilities,
                           boolean ollamaApi, AutoCloseable resource) implements AutoCloseable {

    /** The steps of the resolution, in the order they are tried. */
    public enum Kind {
        /** {@code LLM_BASE_URL} (with {@code LLM_API_KEY}, {@code LLM_MODEL}, {@code LLM_EMBEDDING_MODEL}). */
        ENVIRONMENT("LLM_BASE_URL"),
        /** An Ollama answering at {@code http://localhost:11434}. */
        LOCAL_OLLAMA("the local Ollama"),
        /** An Ollama started by Testcontainers where a Docker engine runs. */
        TESTCONTAINERS_OLLAMA("a Testcontainers Ollama"),
        /** Switchboard's server with the in-process llama.cpp engine. */
        IN_PROCESS_LLAMA_CPP("the in-process llama.cpp engine");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a reader is told which step it was, e.g. {@code "the local Ollama"}. */
        public String label() {
            return label;
        }
    }

    /** Checks that nothing is null. */
    public LiveEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(resource, "resource");
    }

    /**
     * One line for logs and test reports: which step, URL, models and reason, e.g.
     * {@code "the local Ollama at http://localhost:11434/v1 (chat model qwen3:0.6b, embedding model
     * all-minilm, Ollama's /api too): an Ollama answers at http://localhost:11434"}.
     */
    public String describe() {
        return kind.label() + " at " + Endpoint.redactUrl(endpoint.baseUrl()) + " (chat model " + endpoint.chatModel()
                + ", embedding model " + endpoint.embeddingModel() + (ollamaApi ? ", Ollama's /api too" : "")
                + "): " + reason;
    }

    /**
     * Releases what the resolution started.
     *
     * @throws Exception whatever the resource's {@code close()} throws
     */
    @Override
    public void close() throws Exception {
        resource.close();
    }
}
