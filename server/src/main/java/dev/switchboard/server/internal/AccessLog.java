package dev.switchboard.server.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import dev.switchboard.core.Usage;

/**
 * One line per request on the SLF4J logger {@code dev.switchboard.server.access} at INFO, written
 * when the response ends or the connection closes:
 * {@code POST /v1/chat/completions 200 412 ms model=qwen3:0.6b prompt_tokens=23 completion_tokens=6 id=3f2a9c01d4e5b6a7}
 * (and {@code client closed} when the client went away first). Method, path (never the query
 * string), status, duration, the model the request named (or the default it was answered as), the
 * tokens from the answer's {@code usage} when the engine reported it (streams included), and the
 * request id: never a header, so never a key, and never a body. The model comes from the client,
 * so it is cut to 128 characters and anything but visible ASCII becomes {@code ?} (no forged
 * log lines).
 *
 * <p>The request id is the client's {@code X-Request-Id} when it is 1 to 128 letters, digits,
 * {@code .}, {@code _} or {@code -}; otherwise 16 random hex digits. It is sent back as
 * {@code X-Request-Id} on every answer.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.switchboard.server.access");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int MAX_MODEL = 128;
    /** What a route has learnt about each request still open: at most one entry per open request. */
    private static final Map<HttpServerResponse, Entry> OPEN = new ConcurrentHashMap<>();

    private AccessLog() {
    }

    /** What the line says besides method, path and status; set on the request's event loop. */
    private static final class Entry {
        volatile String model;
        volatile Usage usage;
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
        Entry entry = new Entry();
        OPEN.put(response, entry);
        response.endHandler(v -> {
            OPEN.remove(response);
            if (LOG.isInfoEnabled()) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                String end = response.ended() ? "" : " client closed";
                StringBuilder extra = new StringBuilder();
                if (entry.model != null) {
                    extra.append(" model=").append(entry.model);
                }
                Usage usage = entry.usage;
                if (usage != null) {
                    extra.append(" prompt_tokens=").append(usage.promptTokens())
                            .append(" completion_tokens=").append(usage.completionTokens());
                }
                LOG.info("{} {} {} {} ms{} id={}{}", method, path, response.getStatusCode(), ms, extra, id, end);
            }
        });
    }

    /** The model {@code request} is answered as; null leaves the line without one. */
    static void model(HttpServerRequest request, String model) {
        Entry entry = OPEN.get(request.response());
        if (entry != null && model != null) {
            entry.model = printable(model);
        }
    }

    /** The answer's token counts, as its {@code usage} reported them. */
    static void usage(HttpServerRequest request, Usage usage) {
        Entry entry = OPEN.get(request.response());
        if (entry != null) {
            entry.usage = usage;
        }
    }

    private static String printable(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_MODEL));
        for (int i = 0; i < text.length() && i < MAX_MODEL; i++) {
            char c = text.charAt(i);
            b.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
