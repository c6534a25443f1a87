package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A one-answer HTTP server for the wire quirks the scripted server does not produce: every request,
 * to any path, gets {@code status} with {@code contentType} and {@code body}. Records request bodies.
 */
final class CannedServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();

    private CannedServer(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Starts a server on 127.0.0.1 and a free port that answers every request 200 with {@code body}. */
    static CannedServer answering(String contentType, String body) throws IOException {
        return new CannedServer(200, contentType, body);
    }

    /** {@code http://127.0.0.1:port}; add {@code /v1} for the OpenAI-style examples. */
    String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The bodies of the requests received so far, in order. */
    List<String> requestBodies() {
        return requestBodies;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
