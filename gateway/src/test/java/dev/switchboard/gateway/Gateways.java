package dev.switchboard.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.UpstreamEngine;

/** Test helpers: a gateway in front of embedded scripted servers, and the JDK's HTTP client. */
final class Gateways {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Gateways() {
    }

    /** An {@link UpstreamEngine} over {@code specs} ({@code [NAME=]URL}), checking every {@code interval}. */
    static UpstreamEngine engine(Duration interval, String... specs) {
        UpstreamEngine.Builder builder = UpstreamEngine.builder().healthCheckInterval(interval);
        for (String spec : specs) {
            builder.upstream(UpstreamSpecs.parse(spec, null, Duration.ofSeconds(2), Duration.ofSeconds(20)));
        }
        return builder.build();
    }

    static HttpResponse<String> post(SwitchboardServer server, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(server.rootUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> get(SwitchboardServer server, String path) {
        return send(HttpRequest.newBuilder(URI.create(server.rootUrl() + path)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The {@code data:} payloads of an SSE body, in order, {@code [DONE]} included as text. */
    static List<String> sseData(String body) {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            }
        }
        return out;
    }

    /** The concatenated {@code delta.content} of an SSE body. */
    static String sseText(String body) {
        StringBuilder text = new StringBuilder();
        for (String data : sseData(body)) {
            if (!data.equals("[DONE]")) {
                JsonNode chunk = json(data);
                JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                if (content.isTextual()) {
                    text.append(content.asText());
                }
            }
        }
        return text.toString();
    }

    /** Waits up to 10 s for {@code value} to reach at least {@code atLeast}; returns the last value read. */
    static long awaitAtLeast(LongSupplier value, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long now = value.getAsLong();
        while (now < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = value.getAsLong();
        }
        return now;
    }

    /**
     * A streaming request on a plain socket, so the test decides when to stop reading and close:
     * the caller reads lines from {@link #reader()} and closes the socket to disconnect.
     */
    record OpenStream(Socket socket, BufferedReader reader) implements AutoCloseable {
        static OpenStream post(SwitchboardServer server, String path, String body) throws IOException {
            Socket socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(20_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return new OpenStream(socket, new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8)));
        }

        /** Reads lines until one contains {@code needle}; returns it. */
        String readUntil(String needle) throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.contains(needle)) {
                    return line;
                }
            }
            throw new AssertionError("the stream ended before a line with " + needle);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
