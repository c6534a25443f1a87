package dev.switchboard.server.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One line per request on the SLF4J logger {@code dev.switchboard.server.access} at INFO, written
 * when the response ends or the connection closes:
 * {@code POST /v1/chat/completions 200 412 ms id=3f2a9c01d4e5b6a7} (and {@code client closed} when
 * the client went away first). Method, path (never the query string), status, duration and request
 * id only: never a header, so never a key, and never a body.
 *
 * <p>The request id is the client's {@code X-Request-Id} when it is 1 to 128 letters, digits,
 * {@code .}, {@code _} or {@code -}; otherwise 16 random hex digits. It is sent back as
 * {@code X-Request-Id} on every answer.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.switchboard.server.access");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private AccessLog() {
    }

    /** Sets the request id on the response and logs the line when the response is done. */
    static void start(HttpServerRequest request) {
        long started = System.nanoTime();
        String sent = request.getHeader("X-Request-Id");
        String id = sent != null && SAFE_ID.matcher(sent).matches() ? sent
                : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        HttpServerResponse response = request.response();
        response.putHeader("X-Request-Id", id);
        String method = request.method().name();
        String path = request.path();
        response.endHandler(v -> {
            if (LOG.isInfoEnabled()) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                String end = response.ended() ? "" : " client closed";
                LOG.info("{} {} {} {} ms id={}{}", method, path, response.getStatusCode(), ms, id, end);
            }
        });
    }
}
