package dev.switchboard.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * The fuzzer of the reliability tier: requests to every route (and to unknown ones) with every
 * method, bodies drawn from the corpus, from mutations of valid bodies (cut, spliced, retyped), and
 * from random JSON-ish text, sent with a length, chunked, or chunked with a broken chunk size. Each must be answered below 500 within
 * 10 s; the server must answer {@code /health} after, with every stream released. The number of
 * tries is {@code jqwik.tries.default} (the server pom: 400 in {@code ./mvnw verify}, 5,000 with
 * {@code -Dreliability=full}). Figures go to {@code target/reliability/fuzz.txt}.
 */
class RouteFuzzTest {

    private static final List<String> PATHS = List.of("/v1/chat/completions", "/v1/embeddings", "/v1/models",
            "/api/chat", "/api/generate", "/api/embed", "/api/tags", "/", "/health", "/v1/nope", "/api/nope",
            "/v1/chat/completions?x=1", "/v1//chat/completions", "/%00", "/v1/models/scripted");
    private static final List<String> VALID = List.of(
            "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"hello world\"}]}",
            "{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"my name is Ada\"}]}",
            "{\"model\":\"scripted-reasoning\",\"max_tokens\":3,\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"what is my name\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"weather in Paris and Tokyo, add 17 and 25.5\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"n\":{\"type\":\"number\"}}}}}]}",
            "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"42\"}]}",
            "{\"model\":\"scripted\",\"prompt\":\"why\",\"system\":\"be brief\",\"stream\":false,\"options\":{\"num_predict\":2}}",
            "{\"model\":\"scripted-embed\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"base64\"}",
            "{\"input\":\"unicode 😊 \\u00e9\"}");
    private static final String JSON_PIECES = "{}[]\":,0123456789.-+eE truefalsnul\\u\u00e9\ud83d\ude0a\n\t";

    private static SwitchboardServer server;
    private static final AtomicLong sent = new AtomicLong();
    private static final AtomicLong serverErrors = new AtomicLong();
    private static final AtomicLong hangs = new AtomicLong();
    private static final AtomicLong closedWithoutStatus = new AtomicLong();
    private static final AtomicLong closedWhileSending = new AtomicLong();

    @BeforeContainer
    static void start() {
        server = SwitchboardServer.builder().engine(new ScriptedEngine()).limits(CorpusTest.LIMITS).start();
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            UnreadResponseTest.awaitTrue(() -> server.stats().openStreams() == 0, "every stream released after fuzzing");
            Sockets.Reply health = Sockets.exchange(server, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000);
            assertThat(health.status()).as("alive after fuzzing").isEqualTo(200);
            String figures = "requests fuzzed: " + sent + "\n5xx: " + serverErrors + "\nhangs (over 10 s): " + hangs
                    + "\nclosed without a status line: " + closedWithoutStatus
                    + " (of which the server closed while the client still sent a broken body: " + closedWhileSending + ")\n";
            Path out = Path.of("target", "reliability", "fuzz.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, figures, StandardCharsets.UTF_8);
            System.out.print(figures);
        } finally {
            server.close();
        }
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void everyRequestIsAnsweredBelow500InTime(@ForAll("requests") String request) {
        sent.incrementAndGet();
        Sockets.Reply reply = Sockets.exchange(server, request, 10_000);
        if (reply.hung()) {
            hangs.incrementAndGet();
        }
        if (reply.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        if (reply.status() < 0) {
            closedWithoutStatus.incrementAndGet();
        }
        assertThat(reply.hung()).as("hung on %.300s", request).isFalse();
        if (reply.sendFailed() && reply.status() < 0 && brokenFraming(request)) {
            // HTTP allows no answer the client is sure to read: the server answered 400 and closed while
            // the client was still sending, and the kernel's reset may discard the 400. Closed, not hanging.
            closedWhileSending.incrementAndGet();
            return;
        }
        assertThat(reply.status()).as("status for %.300s -> %.300s", request, reply.text()).isBetween(100, 499);
    }

    private static boolean brokenFraming(String request) {
        return request.contains("Transfer-Encoding: chunked") && (request.contains("\r\nzz\r\n")
                || request.contains("\r\n-1\r\n") || request.contains("\r\nffffffffffffffffffff\r\n")
                || request.contains("\r\n 1\r\n"));
    }

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("POST")), net.jqwik.api.Tuple.of(3, Arbitraries.just("GET")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("HEAD", "PUT", "DELETE", "OPTIONS", "PATCH")));
        Arbitrary<String> path = Arbitraries.of(PATHS);
        Arbitrary<String> body = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(seeds())),
                net.jqwik.api.Tuple.of(5, mutated()),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars(JSON_PIECES).ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(VALID)));
        Arbitrary<String> chunked = Arbitraries.of("length", "length", "length", "chunked", "zz", "-1",
                "ffffffffffffffffffff", " 1"); // a chunk size: the right one, or broken
        Arbitrary<String> contentType = Arbitraries.of("application/json", "text/plain", "application/json; charset=latin1", "");
        return Combinators.combine(method, path, body, chunked, contentType).as(RouteFuzzTest::request);
    }

    private static String request(String method, String path, String body, String framing, String contentType) {
        boolean chunked = !framing.equals("length");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder r = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        if (!contentType.isEmpty()) {
            r.append("Content-Type: ").append(contentType).append("\r\n");
        }
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1); // Sockets sends ISO-8859-1: the UTF-8 bytes as they are
        if (chunked) {
            r.append("Transfer-Encoding: chunked\r\n\r\n");
            int half = latin1.length() / 2;
            for (String piece : new String[] {latin1.substring(0, half), latin1.substring(half)}) {
                if (!piece.isEmpty()) {
                    String size = framing.equals("chunked") ? Integer.toHexString(piece.length()) : framing;
                    r.append(size).append("\r\n").append(piece).append("\r\n");
                }
            }
            r.append("0\r\n\r\n");
        } else {
            r.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(latin1);
        }
        return r.toString();
    }

    /** Valid bodies cut, spliced with JSON pieces, or with one value replaced by another JSON type. */
    private static Arbitrary<String> mutated() {
        Arbitrary<String> valid = Arbitraries.of(VALID);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.strings().withChars(JSON_PIECES).ofMaxLength(12),
                Arbitraries.of("null", "[]", "{}", "-1", "1e999", "\"\"", "true", "99999999999999999999", "[[[[[[",
                        "\"\\ud800\"", "\u0000"));
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(valid, at, insert, kind).as((v, i, s, k) -> {
            int p = i % (v.length() + 1);
            return switch (k) {
                case 0 -> v.substring(0, p);                                                  // cut
                case 1 -> v.substring(0, p) + s + v.substring(p);                             // spliced
                default -> v.substring(0, p) + s + v.substring(Math.min(v.length(), p + s.length())); // overwritten
            };
        });
    }

    /** The corpus bodies small enough to answer in a moment (not the 8 MB streams nobody reads). */
    private static List<String> seeds() {
        return Corpus.entries().stream().filter(e -> !e.noRead() && !"raw".equals(e.meta().get("framing")))
                .map(Corpus.Entry::body).filter(b -> b.length() < 2_000_000).toList();
    }
}
