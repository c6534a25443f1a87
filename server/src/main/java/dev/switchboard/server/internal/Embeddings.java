package dev.switchboard.server.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.wire.InboundEmbedding;
import dev.switchboard.core.wire.OllamaWire;
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.core.wire.WireFormatException;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.fault.Fault;

/**
 * {@code POST /v1/embeddings} and {@code POST /api/embed}: parse, apply a {@link Fault.Status},
 * embed on a worker thread (an engine may compute), answer in the route's shape, echoing the model
 * as the client sent it.
 */
final class Embeddings {

    private final ServerContext server;

    Embeddings(ServerContext server) {
        this.server = server;
    }

    void handle(HttpServerRequest request, Buffer body, boolean ollama) {
        EmbeddingRequest parsed;
        boolean base64 = false;
        try {
            if (ollama) {
                parsed = OllamaWire.readEmbedRequest(body.getBytes());
            } else {
                InboundEmbedding inbound = OpenAiWire.readInboundEmbedding(body.getBytes());
                parsed = inbound.request();
                base64 = inbound.base64();
            }
        } catch (WireFormatException | IllegalArgumentException e) {
            ErrorReplies.send(request.response(), request.path(), 400, e.getMessage(), null);
            return;
        }
        String sentModel = parsed.model();
        Fault.Status fault = server.faults().claimForEmbeddings(sentModel);
        if (fault != null) {
            ErrorReplies.send(request.response(), request.path(), fault.status(), fault.message(), fault.retryAfter());
            return;
        }
        EmbeddingRequest engineRequest = server.faults().isFaultModel(sentModel) && !Routes.serves(server, sentModel)
                ? parsed.withModel(null) : parsed;
        boolean asBase64 = base64;
        server.vertx().executeBlocking(() -> server.engine().embed(engineRequest), false)
                .onComplete(result -> Routes.guard(request, () -> {
                    if (result.failed()) {
                        Throwable e = result.cause();
                        int status = e instanceof EngineException ? ((EngineException) e).status() : 500;
                        String message = e instanceof EngineException ? e.getMessage() : "engine failed: " + e;
                        ErrorReplies.send(request.response(), request.path(), status, message,
                                e instanceof EngineException ? ((EngineException) e).retryAfter() : null);
                        return;
                    }
                    EmbeddingResponse r = result.result();
                    EmbeddingResponse named = new EmbeddingResponse(sentModel != null ? sentModel : r.model(),
                            r.vectors(), r.usage());
                    byte[] out = ollama ? OllamaWire.writeEmbedResponse(named)
                            : OpenAiWire.writeEmbeddingResponse(named, asBase64);
                    request.response().putHeader("Content-Type", ErrorReplies.JSON).end(Buffer.buffer(out));
                }));
    }
}
