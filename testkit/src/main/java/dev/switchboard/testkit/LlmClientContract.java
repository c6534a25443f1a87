package dev.switchboard.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Capability;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;

/**
 * The one contract every {@link LlmClient} style passes: extend it in the style's module with a
 * factory for its adapter, and the whole suite runs against Switchboard's embedded server on the
 * scripted engine.
 *
 * <pre>{@code
 * class RawHttpLlmClientContractTest extends LlmClientContract {
 *     @Override
 *     protected LlmClient createClient(Endpoint endpoint) {
 *         return new RawHttpLlmClient(endpoint);
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks, each case against the scripted engine's deterministic answers (the rules are
 * in the server README): non-streaming; streaming that is incremental (the first event reaches
 * the caller while the server is still holding back the rest) and assembles to the non-streaming
 * answer; multi-turn; the tool-call round trip, one and two calls per turn, ids kept; embeddings
 * (order, dimension, similarity); reasoning separated in its three wire shapes
 * ({@code reasoning_content}, {@code reasoning}, {@code <think>} tags); usage; finish reasons
 * {@code stop}, {@code length}, {@code tool_calls}; 你好 and 😊 split across one-byte writes;
 * cancellation seen by the server; and every injected fault giving its typed exception, within
 * the configured read timeout, with the partial answer kept.
 *
 * <p>After every case it checks that no stream is left open on the server (no leaked response).
 * A case needing a {@link Capability} the client declares unsupported is skipped with the
 * client's reason: reported, never silently passed.
 *
 * <p>The cases are declared by topic in package-private classes this one extends, one after
 * another: {@code ContractCase} (set-up, leak check, helpers), chat and streaming, conversation
 * (multi-turn, tools, reasoning), embeddings and models, error statuses, broken streams. A style
 * extends this class alone and implements {@link #createClient}; every case runs once.
 */
@ExtendWith(LlmEndpointExtension.class)
public abstract class LlmClientContract extends CompletionCases {

    /** For subclasses. */
    protected LlmClientContract() {
    }

    /**
     * Creates the style's client for {@code endpoint}: its {@code baseUrl} ends in {@code /v1};
     * a style speaking another protocol (e.g. Ollama's native {@code /api}) uses
     * {@link Endpoint#rootUrl()}. Called once per case, and again with a shorter read timeout by
     * the timeout cases; the contract closes every client it creates.
     */
    @Override
    protected abstract LlmClient createClient(Endpoint endpoint);
}
