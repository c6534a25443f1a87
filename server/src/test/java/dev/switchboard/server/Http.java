package dev.switchboard.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test helpers: the JDK's HTTP client, Jackson, SSE/NDJSON splitting and the reference payloads. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> post(SwitchboardServer server, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(server.rootUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> get(SwitchboardServer server, String path) {
        return send(HttpRequest.newBuilder(URI.create(server.rootUrl() + path)).timeout(Duration.ofSeconds(10)).GET().build());
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

    /** The parsed {@code data:} chunks of an SSE body, without {@code [DONE]}. */
    static List<JsonNode> sseChunks(String body) {
        List<JsonNode> out = new ArrayList<>();
        for (String data : sseData(body)) {
            if (!data.equals("[DONE]")) {
                out.add(json(data));
            }
        }
        return out;
    }

    /** The parsed lines of an NDJSON body. */
    static List<JsonNode> ndjson(String body) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                out.add(json(line));
            }
        }
        return out;
    }

    /** A payload from {@code src/test/resources/transcripts/}. */
    static String resource(String name) {
        try (InputStream in = Http.class.getResourceAsStream("/transcripts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource transcripts/" + name);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded llama-server response: its status and body (headers dropped). */
    record Transcript(int status, String body) {
        static Transcript load(String name) {
            String raw = resource(name).replace("\r\n", "\n");
            int status = Integer.parseInt(raw.substring(9, 12));
            int bodyStart = raw.indexOf("\n\n");
            return new Transcript(status, raw.substring(bodyStart + 2));
        }
    }
}
