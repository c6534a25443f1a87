package dev.switchboard.server.internal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.wire.InboundChat;
import dev.switchboard.core.wire.OllamaWire;
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.core.wire.WireFormatException;
import dev.switchboard.server.AudioOptions;
import dev.switchboard.server.internal.audio.AudioClip;
import dev.switchboard.server.internal.audio.AudioRoute;
import dev.switchboard.server.internal.rag.RagRoute;

/**
 * The request handler: routes on method and exact path, reads bodies (8 MiB at most), and answers
 * every client mistake with its 4xx in the route's error envelope. Anything thrown while handling
 * one request is caught and answered 500 (or, once the response has begun, the connection is
 * reset); it never reaches Vert.x or other requests.
 */
public final class Routes implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    /** What one route does with its request and body (null for routes without one). */
    private interface Action {
        void handle(HttpServerRequest request, Buffer body);
    }

    private record Route(HttpMethod method, boolean readsBody, Action action) {
    }

    /** The Ollama version whose {@code /api} these routes follow (ollama-wire.md, section 0: v0.32.15), for {@code /api/version}. */
    public static final String OLLAMA_API_VERSION = "0.32.15";
    /** {@code GET /v1/models/{id}}: the prefix before the id. */
    private static final String MODEL_PREFIX = "/v1/models/";

    private final ServerContext server;
    private final Embeddings embeddings;
    private final Cors cors;
    private final Map<String, Route> routes;

    /**
     * Routes without RAG (its route answers 404) and with the generated audio reply.
     *
     * @param server the shared state of the server these routes serve
     */
    public Routes(ServerContext server) {
        this(server, new RagRoute(server, null, null),
                new AudioRoute(server, AudioClip.load(AudioOptions.defaults()), AudioOptions.defaults()));
    }

    /**
     * @param server the shared state of the server these routes serve
     * @param rag    {@code POST /rag/chat/completions}
     * @param audio  {@code POST /audio/chat/completions}
     */
    public Routes(ServerContext server, RagRoute rag, AudioRoute audio) {
        this.server = server;
        this.embeddings = new Embeddings(server);
        this.cors = new Cors(server.corsOrigins());
        this.routes = Map.ofEntries(
                Map.entry("/v1/chat/completions", new Route(HttpMethod.POST, true, this::openAiChat)),
                // the custom-LLM servers' path (no /v1), as voice-agent platforms call it
                Map.entry("/chat/completions", new Route(HttpMethod.POST, true, this::openAiChat)),
                Map.entry("/api/version", new Route(HttpMethod.GET, false, (r, b) -> text(r, ErrorReplies.JSON,
                        "{\"version\":\"" + OLLAMA_API_VERSION + "\"}"))),
                Map.entry(MODEL_PREFIX, new Route(HttpMethod.GET, false, this::model)),
                Map.entry("/v1/embeddings", new Route(HttpMethod.POST, true, (r, b) -> embeddings.handle(r, b, false))),
                Map.entry("/v1/models", new Route(HttpMethod.GET, false, (r, b) -> models(r, false))),
                Map.entry("/api/chat", new Route(HttpMethod.POST, true, (r, b) -> ollamaChat(r, b, false))),
                Map.entry("/api/generate", new Route(HttpMethod.POST, true, (r, b) -> ollamaChat(r, b, true))),
                Map.entry("/api/embed", new Route(HttpMethod.POST, true, (r, b) -> embeddings.handle(r, b, true))),
                Map.entry("/api/tags", new Route(HttpMethod.GET, false, (r, b) -> models(r, true))),
                Map.entry("/", new Route(HttpMethod.GET, false,
                        (r, b) -> text(r, "text/plain; charset=utf-8", "Ollama is running"))),
                Map.entry("/health", new Route(HttpMethod.GET, false, (r, b) -> health(r))),
                Map.entry("/v1/completions", new Route(HttpMethod.POST, true, new CompletionRoute(server)::handle)),
                Map.entry("/rag/chat/completions", new Route(HttpMethod.POST, true, rag::handle)),
                Map.entry("/audio/chat/completions", new Route(HttpMethod.POST, true, audio::handle)));
    }

    /** Whether the engine lists {@code model} among its models. */
    public static boolean serves(ServerContext server, String model) {
        for (ModelInfo info : server.engine().models()) {
            if (info.id().equals(model)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(HttpServerRequest request) {
        server.requestReceived();
        guard(request, () -> {
            AccessLog.start(request);
            cors.decorate(request);
            dispatch(request);
        });
    }

    private void dispatch(HttpServerRequest request) {
        String path = request.path();
        Route route = route(path);
        if (route == null) {
            // llama-server's and gin's own words (transcript 15; ollama-wire.md 1)
            error(request, 404, ErrorReplies.isOllama(path) ? "404 page not found" : "File Not Found");
            return;
        }
        if (request.method().equals(HttpMethod.OPTIONS)) {
            cors.preflight(request, route.method().name()); // a preflight carries no credentials
            return;
        }
        if (server.apiKeys().required() && !path.equals("/") && !path.equals("/health") && !authorized(request)) {
            // llama-server's words for a missing or wrong key (its --api-key option)
            error(request, 401, "Invalid API Key");
            return;
        }
        HttpMethod method = request.method();
        if (!method.equals(route.method()) && !(method.equals(HttpMethod.HEAD) && route.method().equals(HttpMethod.GET))) {
            request.response().putHeader("Allow", route.method().name());
            error(request, 405, "method " + method.name() + " not allowed on " + path + "; use " + route.method().name());
            return;
        }
        if (!route.readsBody()) {
            route.action().handle(request, null);
            return;
        }
        BodyReader.read(request, BodyReader.MAX_BYTES,
                body -> guard(request, () -> route.action().handle(request, body)),
                () -> guard(request, () -> error(request, 413,
                        "request body is larger than " + BodyReader.MAX_BYTES + " bytes")));
    }

    /** The route for {@code path}; {@code /v1/models/} followed by an id (which may hold '/': hf.co/user/m) is one. */
    private Route route(String path) {
        if (path.startsWith(MODEL_PREFIX)) {
            return path.length() > MODEL_PREFIX.length() ? routes.get(MODEL_PREFIX) : null;
        }
        return routes.get(path);
    }

    /** {@code Authorization: Bearer KEY} or {@code x-api-key: KEY} with one of the keys (see {@link ApiKeys}). */
    private boolean authorized(HttpServerRequest request) {
        return server.apiKeys().accepts(request);
    }

    private void openAiChat(HttpServerRequest request, Buffer body) {
        InboundChat inbound;
        try {
            inbound = OpenAiWire.readChatRequest(body.getBytes());
        } catch (WireFormatException | IllegalArgumentException e) {
            error(request, 400, e.getMessage());
            return;
        }
        long created = System.currentTimeMillis() / 1000;
        boolean includeUsage = inbound.includeUsage();
        ChatExchange.begin(server, request, inbound.request(), inbound.stream(), (id, model) ->
                new OpenAiFormat(id, created, model, server.engine().reasoningShape(model), includeUsage));
    }

    private void ollamaChat(HttpServerRequest request, Buffer body, boolean generate) {
        InboundChat inbound;
        try {
            byte[] bytes = body.getBytes();
            inbound = generate ? OllamaWire.readGenerateRequest(bytes) : OllamaWire.readChatRequest(bytes);
        } catch (WireFormatException | IllegalArgumentException e) {
            error(request, 400, e.getMessage());
            return;
        }
        ChatExchange.begin(server, request, inbound.request(), inbound.stream(),
                (id, model) -> new OllamaFormat(generate, model));
    }

    private void models(HttpServerRequest request, boolean ollama) {
        server.vertx().executeBlocking(() -> server.engine().models(), false).onComplete(result -> guard(request, () -> {
            if (result.failed()) {
                error(request, 500, "engine failed to list models: " + result.cause());
                return;
            }
            List<ModelInfo> models = result.result();
            byte[] body = ollama ? OllamaWire.writeTags(models) : OpenAiWire.writeModels(models);
            request.response().putHeader("Content-Type", ErrorReplies.JSON).end(Buffer.buffer(body));
        }));
    }

    /** {@code GET /v1/models/{id}}: the one model in OpenAI's shape, or 404 (ollama-wire.md 6, "Single model"). */
    private void model(HttpServerRequest request, Buffer body) {
        String id = java.net.URLDecoder.decode(request.path().substring(MODEL_PREFIX.length()),
                java.nio.charset.StandardCharsets.UTF_8);
        server.vertx().executeBlocking(() -> server.engine().models(), false).onComplete(result -> guard(request, () -> {
            if (result.failed()) {
                error(request, 500, "engine failed to list models: " + result.cause());
                return;
            }
            for (ModelInfo info : result.result()) {
                if (info.id().equals(id)) {
                    request.response().putHeader("Content-Type", ErrorReplies.JSON)
                            .end(Buffer.buffer(HealthFormat.model(info)));
                    return;
                }
            }
            error(request, 404, "model '" + id + "' not found");
        }));
    }

    /**
     * {@code GET /health}: the engine's own word, 200 when healthy, else 503 with the reasons. Open
     * without a key (as llama-server's); when the server has a key, only a caller presenting it
     * sees the reasons and the upstreams (names, URLs, models).
     */
    private void health(HttpServerRequest request) {
        server.vertx().executeBlocking(() -> server.engine().health(), false).onComplete(result -> guard(request, () -> {
            dev.switchboard.server.engine.EngineHealth health = result.succeeded() ? result.result()
                    : dev.switchboard.server.engine.EngineHealth.unavailable("the engine failed its health check: "
                            + result.cause());
            // with a key configured, an anonymous caller learns up or down, not the upstreams behind
            boolean detailed = !server.apiKeys().required() || authorized(request);
            request.response().setStatusCode(health.healthy() ? 200 : 503).putHeader("Content-Type", ErrorReplies.JSON)
                    .end(Buffer.buffer(HealthFormat.health(health, detailed)));
        }));
    }

    private static void text(HttpServerRequest request, String contentType, String text) {
        request.response().putHeader("Content-Type", contentType).end(text);
    }

    private static void error(HttpServerRequest request, int status, String message) {
        ErrorReplies.send(request.response(), request.path(), status, message, null);
    }

    /** Runs {@code work}; anything it throws becomes a 500, or a reset once the response has begun. */
    static void guard(HttpServerRequest request, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) { // recovered: this request's work is dropped, the loop lives on
                LOG.error("{} while handling {} {}: the request is answered 500 or reset, the server carries on",
                        e, request.method(), request.path(), e);
            } else {
                LOG.warn("request {} {} failed", request.method(), request.path(), e);
            }
            if (request.response().headWritten() || request.response().ended()) {
                request.response().reset();
            } else {
                error(request, 500, "internal server error: " + e);
            }
        }
    }
}
