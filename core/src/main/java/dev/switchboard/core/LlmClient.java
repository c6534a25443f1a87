package dev.switchboard.core;

import java.util.List;

import dev.switchboard.core.error.LlmException;

/**
 * A client for one OpenAI-compatible (or Ollama) endpoint, in one integration style.
 *
 * <p>Get one with {@link LlmClients#create(String, Endpoint)}. Implementations are thread-safe:
 * share one per endpoint, and {@link #close()} it when done to release its connection pool.
 *
 * <p>Every method throws unchecked {@link LlmException} subclasses, by what the caller does next
 * (see the table in the project README): authentication, model not found, bad request, rate
 * limited (with Retry-After), server error, connection failure, timeout, malformed response.
 * Requests whose {@code model} is null use the endpoint's configured model.
 */
public interface LlmClient extends AutoCloseable {

    /**
     * Sends a chat request and waits for the whole answer ({@code "stream": false}).
     *
     * @throws LlmException on any failure
     */
    ChatResponse chat(ChatRequest request);

    /**
     * Sends a chat request with {@code "stream": true} (and, on {@code /v1},
     * {@code stream_options.include_usage}) and returns once the response headers arrived.
     * Errors the server reports with a status code are thrown from here; everything later from
     * the stream's iterator.
     *
     * @return the stream; the caller must close it
     * @throws LlmException on a failure before the first event
     */
    ChatStream stream(ChatRequest request);

    /**
     * Sends a text completion ({@code POST /v1/completions}, {@code "stream": false}): prompt in,
     * text out (see {@link CompletionRequest} for what servers do with the prompt).
     *
     * @throws dev.switchboard.core.error.UnsupportedCapabilityException if this style declares
     *         {@link Capability#COMPLETIONS} unsupported (nothing is sent)
     * @throws LlmException on any other failure
     */
    CompletionResponse complete(CompletionRequest request);

    /**
     * Streams a text completion ({@code "stream": true}; on {@code /v1} with
     * {@code stream_options.include_usage}) and returns once the response headers arrived. The
     * stream's events are {@link ChatEvent.TextDelta}s, then {@link ChatEvent.Finish}, then
     * {@link ChatEvent.UsageEvent} where the server sent usage; {@link ChatStream#collect()} gives
     * the text as a {@link ChatResponse}.
     *
     * @return the stream; the caller must close it
     * @throws dev.switchboard.core.error.UnsupportedCapabilityException if this style declares
     *         {@link Capability#COMPLETIONS} unsupported (nothing is sent)
     * @throws LlmException on a failure before the first event
     */
    ChatStream streamCompletion(CompletionRequest request);

    /**
     * Embeds texts; vectors come back in input order.
     *
     * @throws LlmException on any failure
     */
    EmbeddingResponse embed(EmbeddingRequest request);

    /**
     * Lists the models the server offers ({@code GET /v1/models}).
     *
     * @throws LlmException on any failure
     */
    List<ModelInfo> models();

    /** What this style supports; constant for the client's lifetime, no I/O. */
    Capabilities capabilities();

    /** Releases connections and threads; idempotent; never throws. */
    @Override
    void close();
}
