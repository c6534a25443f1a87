package dev.switchboard.examples.openaijava;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import dev.switchboard.core.Endpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer answering with bodies the scripted server does not send: recorded llama-server
 * responses from {@code shared/reference/llama-server-transcripts/} ({@code curl -i} output:
 * status line, headers, blank line, body), or a canned body. A test needing a transcript is
 * skipped, with the reason, where {@code shared/} is not above the module directory.
 */
final class RecordedServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();

    RecordedServer() {
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queues the recorded response {@code NAME.txt}: its status, content type and body. */
    RecordedServer enqueueTranscript(String name) {
        String[] recorded = load(name);
        String head = recorded[0];
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        String contentType = head.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                .map(l -> l.substring(13).trim()).findFirst().orElse("application/json");
        return enqueue(status, contentType, recorded[1]);
    }

    /** Queues one response. */
    RecordedServer enqueue(int status, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", contentType).body(body).build());
        return this;
    }

    /** An endpoint on this server: base URL {@code .../v1}, chat model "tiny", 5 s read timeout. */
    Endpoint endpoint() {
        return Endpoint.builder().baseUrl(server.url("/v1").toString()).chatModel("tiny")
                .embeddingModel("tiny-embed").readTimeout(java.time.Duration.ofSeconds(5)).build();
    }

    /** The body of the next request the server received, as text. */
    String takeRequestBody() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request arrived within 5 s");
        }
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code [head, body]} of a transcript; skips the test when the transcripts are absent. */
    private static String[] load(String name) {
        Path dir = null;
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/reference/llama-server-transcripts"))) {
                dir = d.resolve("shared/reference/llama-server-transcripts");
                break;
            }
        }
        Assumptions.assumeTrue(dir != null,
                "shared/reference/llama-server-transcripts not found above " + System.getProperty("user.dir"));
        Path file = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "transcript " + file + " is missing");
        try {
            String all = Files.readString(file, StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            return new String[] {all.substring(0, split), all.substring(split + 4)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
