package dev.switchboard.workshop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A server that speaks OpenAI's {@code /v1} and nothing else, as llama-server does: {@code /v1/...}
 * is passed to {@code upstream} (streamed through), every other path is answered as llama-server
 * answers a path it lacks (recorded in core's test resources,
 * {@code reference/llama-server-transcripts/15-unknown-route.txt}).
 */
final class LlamaServerFront implements AutoCloseable {

    /** llama-server's body for a path it does not have. */
    static final String FILE_NOT_FOUND = "{\"error\":{\"message\":\"File Not Found\",\"type\":\"not_found_error\",\"code\":404}}";

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String upstreamRoot;

    /** Starts on a free loopback port in front of {@code upstreamRoot} ({@code http://host:port}). */
    LlamaServerFront(String upstreamRoot) {
        this.upstreamRoot = upstreamRoot;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith("/v1/")) {
                byte[] body = FILE_NOT_FOUND.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstreamRoot + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            for (String header : new String[] {"Content-Type", "Authorization", "Accept"}) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            HttpResponse<InputStream> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), 0);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
