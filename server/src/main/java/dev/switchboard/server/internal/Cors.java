package dev.switchboard.server.internal;

import java.util.List;
import java.util.Set;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Cross-origin access for browser pages: off unless origins are configured; {@code *} allows any.
 * An allowed {@code Origin} gets {@code Access-Control-Allow-Origin} (the origin itself, with
 * {@code Vary: Origin}) on every answer; a preflight ({@code OPTIONS}) is answered 204 with the
 * allowed methods and headers. Credentials (cookies) are never allowed: the API key travels in a
 * header the page sets itself.
 */
final class Cors {

    /** The headers a page may send, when the preflight names none. */
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Api-Key, X-Request-Id";
    /** How long a browser may cache a preflight, in seconds. */
    static final String MAX_AGE = "600";

    private final Set<String> origins;
    private final boolean any;

    /** @param origins allowed origins ({@code https://app.example.com}), {@code *} for any; empty for none */
    Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
        this.any = origins.contains("*");
    }

    /** Adds the CORS headers of an ordinary answer when {@code request}'s origin is allowed. */
    void decorate(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || !allowed(origin)) {
            return;
        }
        request.response().putHeader("Access-Control-Allow-Origin", any ? "*" : origin)
                .putHeader("Access-Control-Expose-Headers", "Retry-After, X-Request-Id");
        if (!any) {
            request.response().putHeader("Vary", "Origin");
        }
    }

    /**
     * Answers an {@code OPTIONS} request on a known path: 204 with {@code Allow}, and for an
     * allowed origin the preflight headers; a disallowed origin gets no CORS header, so the browser
     * refuses the real request.
     */
    void preflight(HttpServerRequest request, String allow) {
        HttpServerResponse response = request.response().setStatusCode(204).putHeader("Allow", allow + ", OPTIONS");
        String origin = request.getHeader("Origin");
        if (origin != null && allowed(origin)) {
            String asked = request.getHeader("Access-Control-Request-Headers");
            response.putHeader("Access-Control-Allow-Methods", allow + ", OPTIONS")
                    .putHeader("Access-Control-Allow-Headers", asked != null && !asked.isBlank() ? asked : ALLOWED_HEADERS)
                    .putHeader("Access-Control-Max-Age", MAX_AGE);
        }
        response.end();
    }

    private boolean allowed(String origin) {
        return any || origins.contains(origin);
    }
}
