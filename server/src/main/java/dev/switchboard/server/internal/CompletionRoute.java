package dev.switchboard.server.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.wire.InboundCompletion;
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.server.engine.Engine;

/**
 * {@code POST /v1/completions}: reads the body with core's wire layer (a bad one is 400 in the
 * {@code /v1} envelope), hands the prompt to the engine as a raw prompt ({@link Engine#RAW_PROMPT}:
 * one user message, no chat template where the engine renders one) and answers through
 * {@link ChatExchange} with a {@link CompletionFormat}, streaming or not, so faults, back-pressure,
 * cancellation and stats are those of chat.
 */
public final class CompletionRoute {

    private final ServerContext server;

    /** @param server the shared state of the server */
    public CompletionRoute(ServerContext server) {
        this.server = server;
    }

    /** Answers one request, on its event loop; {@code body} is the whole request body. */
    public void handle(HttpServerRequest request, Buffer body) {
        InboundCompletion inbound = ErrorReplies.readOr400(request, body, OpenAiWire::readCompletionRequest);
        if (inbound == null) {
            return;
        }
        long created = System.currentTimeMillis() / 1000;
        boolean includeUsage = inbound.includeUsage();
        ChatExchange.begin(server, request, asChat(inbound.request()), inbound.stream(),
                (id, model) -> new CompletionFormat(id, created, model, includeUsage));
    }

    /** The completion as the engine sees it: the prompt as the one user message, marked raw. */
    static ChatRequest asChat(CompletionRequest c) {
        ChatRequest.Builder b = ChatRequest.builder().model(c.model()).user(c.prompt()).temperature(c.temperature())
                .topP(c.topP()).maxTokens(c.maxTokens()).stop(c.stop()).seed(c.seed());
        c.extensions().forEach(b::extension);
        return b.extension(Engine.RAW_PROMPT, true).build();
    }
}
