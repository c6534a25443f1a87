package dev.switchboard.server.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import dev.switchboard.server.ServerLimits;

/**
 * What stands between a connection and the routes (issue 16, findings 1 and 3): the connection cap
 * (503 with {@code Retry-After} past it), the header timeout (a connection whose next request head
 * has not arrived in time is closed: HTTP has no place for an answer yet), the body timeout (408,
 * then the connection closed) and broken body framing (a bad chunk size: 400, then closed). Shared
 * by every event loop's HTTP server; each connection's state is touched only on its own loop.
 */
public final class ConnectionGuard implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    /** One connection's state; on its event loop only. */
    private static final class State {
        final boolean overCap;
        long headerTimer = -1;
        int inFlight; // requests whose response has not ended (more than one when a client pipelines)
        long bodyTimer = -1; // the latest request's

        State(boolean overCap) {
            this.overCap = overCap;
        }
    }

    private final Vertx vertx;
    private final ServerLimits limits;
    private final Handler<HttpServerRequest> routes;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<HttpConnection, State> states = new ConcurrentHashMap<>();

    /** @param routes where requests go once they pass */
    public ConnectionGuard(Vertx vertx, ServerLimits limits, Handler<HttpServerRequest> routes) {
        this.vertx = vertx;
        this.limits = limits;
        this.routes = routes;
    }

    /** The open connections now. */
    public int connections() {
        return connections.get();
    }

    /** Vert.x's connection handler: counts it, and starts its header timeout. */
    public void connected(HttpConnection connection) {
        State state = new State(connections.incrementAndGet() > limits.maxConnections());
        states.put(connection, state);
        connection.closeHandler(v -> {
            State gone = states.remove(connection);
            if (gone != null) {
                cancel(gone);
                if (gone.bodyTimer >= 0) {
                    vertx.cancelTimer(gone.bodyTimer);
                }
                connections.decrementAndGet();
            }
        });
        awaitHead(connection, state);
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        State state = states.get(connection);
        if (state != null) {
            cancel(state);
            state.inFlight++;
        }
        HttpServerResponse response = request.response();
        request.exceptionHandler(error -> framingBroken(request, error));
        if (state != null && state.overCap) {
            response.putHeader("Connection", "close");
            ErrorReplies.send(response, request.path(), 503, "the server has too many connections ("
                    + limits.maxConnections() + "); retry later", retryAfter(limits));
            connection.close();
            return;
        }
        long bodyTimer = vertx.setTimer(limits.bodyTimeout().toMillis(), t -> bodyTimedOut(request));
        if (state != null) {
            state.bodyTimer = bodyTimer; // a connection that closes takes its timer with it
        }
        response.bodyEndHandler(v -> { // endHandler is the access log's
            vertx.cancelTimer(bodyTimer);
            State s = states.get(connection);
            if (s != null && --s.inFlight <= 0) {
                s.inFlight = 0;
                awaitHead(connection, s); // the next request on this connection has its own time
            }
        });
        routes.handle(request);
    }

    /** The {@code Retry-After} of a 503 past a cap: never under one second. */
    static Duration retryAfter(ServerLimits limits) {
        return limits.retryAfter().isZero() ? Duration.ofSeconds(1) : limits.retryAfter();
    }

    private void awaitHead(HttpConnection connection, State state) {
        cancel(state);
        state.headerTimer = vertx.setTimer(limits.headerTimeout().toMillis(), t -> {
            state.headerTimer = -1;
            LOG.debug("closing {}: no request head within {}", connection.remoteAddress(), limits.headerTimeout());
            connection.close();
        });
    }

    private void cancel(State state) {
        if (state.headerTimer >= 0) {
            vertx.cancelTimer(state.headerTimer);
            state.headerTimer = -1;
        }
    }

    private void bodyTimedOut(HttpServerRequest request) {
        if (request.isEnded()) {
            return; // the body arrived; the answer may still be streaming, which is not this timeout's business
        }
        HttpServerResponse response = request.response();
        if (!response.headWritten() && !response.closed()) {
            response.putHeader("Connection", "close");
            ErrorReplies.send(response, request.path(), 408, "the request body did not arrive within "
                    + limits.bodyTimeout().toSeconds() + " s", null);
        }
        request.connection().close();
    }

    /**
     * Netty's decoder met broken framing in the body (a chunk size that is not hex, negative or too
     * large, bare line feeds where Netty wants CRLF): answer 400 while the connection is still open,
     * then close it, as the rest of the stream cannot be read. A reset connection gets the same
     * attempt, which finds it closed and writes nothing.
     */
    private void framingBroken(HttpServerRequest request, Throwable error) {
        HttpServerResponse response = request.response();
        LOG.debug("request {} {} failed while its body was read", request.method(), request.path(), error);
        if (!request.isEnded() && !response.headWritten() && !response.closed()) {
            response.putHeader("Connection", "close");
            ErrorReplies.send(response, request.path(), 400, "malformed request body framing: " + error.getMessage(), null);
        }
        request.connection().close();
    }
}
