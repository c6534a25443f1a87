package dev.switchboard.openaijava;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.switchboard.core.Endpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer answering with bodies the scripted server does not send: recorded llama-server
 * responses ({@code curl -i} output: status line, headers, blank line, body) loaded from the test
 * class path under {@value #TRANSCRIPTS} (copies of
 * {@code core/src/test/resources/reference/llama-server-transcripts/}, see the README there), or a
 * canned body. A transcript that is not on the class path fails the test, naming the file.
 */
final class RecordedServer implements AutoCloseable {

    /** Where the transcripts are on the test class path. */
    static final String TRANSCRIPTS = "/transcripts/";

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

    /** {@code [head, body]} of a transcript on the class path; fails naming the file when absent. */
    private static String[] load(String name) {
        String all;
        try (InputStream in = RecordedServer.class.getResourceAsStream(TRANSCRIPTS + name)) {
            if (in == null) {
                throw new AssertionError("transcript " + TRANSCRIPTS + name + " is not on the test class path"
                        + " (copy it from core/src/test/resources/reference/llama-server-transcripts/)");
            }
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int split = all.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new AssertionError("transcript " + TRANSCRIPTS + name + " has no CRLF blank line after its headers");
        }
        return new String[] {all.substring(0, split), all.substring(split + 4)};
    }
}
