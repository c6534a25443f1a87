package dev.switchboard.langchain4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.switchboard.core.error.HttpErrors;

/**
 * A LangChain4j {@link HttpClient} on {@code java.net.http}, plugged into the models with
 * {@code .httpClientBuilder(...)}. It reads the wire as LangChain4j's own {@code JdkHttpClient} does
 * (the same JDK calls, the parser the model passes in), and adds what the {@code LlmClient} contract
 * needs and LangChain4j drops:
 * <ul>
 *   <li>the body of a stream cut by the server is read to its last byte before the failure is
 *       reported ({@link BodyStream}: the JDK's own input stream drops what it had not handed out);</li>
 *   <li>a non-2xx status throws {@link HttpStatusException}, which keeps {@code Retry-After};</li>
 *   <li>a streamed body that ends without {@code data: [DONE]} (or Ollama's {@code "done": true}) is
 *       reported to the listener as a {@link StreamEndException}, not as success;</li>
 *   <li>the call's {@link Exchange}, given to the builder, learns when the answer began, the
 *       payload being handled, and gets the body so it can cancel before the first event.</li>
 * </ul>
 * One client (and one model around it) serves one call of {@code LangChain4jLlmClient}: the
 * exchange travels with the client, not with a thread, because LangChain4j gives an
 * {@code HttpClient} nothing of the call but the {@link HttpRequest} it built (method, URL, headers,
 * body).
 * The body of a stream is parsed on a thread of the JDK client's executor, or of a shared pool of
 * daemon threads if it has none: never on the caller's thread, even when the response was complete
 * before the streaming call returned (a dependent stage of a completed future would otherwise run on
 * the calling thread, which then parses the whole stream into a {@link StreamBridge} nobody reads yet).
 *
 * <p>Timeouts: the JDK client's connect timeout, and {@code readTimeout} as the request timeout, which
 * in {@code java.net.http} bounds the wait for the response headers only; once a stream began,
 * {@link StreamBridge} watches the silence between events.
 */
public final class LangChain4jHttpClient implements HttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses streamed bodies when the JDK client has no executor of its own; idle threads end after 60 s. */
    private static final ExecutorService STREAM_READERS = Executors.newCachedThreadPool(new ThreadFactory());

    private final java.net.http.HttpClient jdk;
    private final Exchange exchange;
    private final Duration readTimeout;

    private LangChain4jHttpClient(java.net.http.HttpClient jdk, Exchange exchange, Duration readTimeout) {
        this.jdk = jdk;
        this.exchange = exchange;
        this.readTimeout = readTimeout;
    }

    /**
     * A builder whose clients share {@code jdk} (its connection pool and its connect timeout) and
     * report to {@code exchange}.
     *
     * @param jdk      the JDK client, e.g. {@code HttpClient.newBuilder().connectTimeout(...).build()}
     * @param exchange the call the client's requests belong to: one exchange, one call
     * @throws NullPointerException if either is null
     */
    public static Builder builder(java.net.http.HttpClient jdk, Exchange exchange) {
        return new Builder(jdk, exchange);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = jdk.send(toJdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting for " + request.url()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        exchange.payload(body);
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw statusException(response, body);
        }
        exchange.markBegan();
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                .headers(response.headers().map()).body(body).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Executor readers = jdk.executor().orElse(STREAM_READERS);
        jdk.sendAsync(toJdkRequest(request), info -> new BodyStream(exchange::idle))
                .thenAcceptAsync(response -> {
                    if (response.statusCode() < 200 || response.statusCode() >= 300) {
                        listener.onError(statusException(response, readBody(response)));
                        return;
                    }
                    InputStream body = response.body();
                    exchange.opened(body);
                    listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                            .headers(response.headers().map()).build());
                    try (body) {
                        read(body, parser, listener, exchange);
                    } catch (IOException ignored) {
                        // closing after the end: nothing left to report
                    }
                }, readers)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (!exchange.isCancelled()) {
                        listener.onError(cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause);
                    }
                    return null;
                });
    }

    /** Lets the model's parser read the body, then reports the end: clean, cut short, or nothing if cancelled. */
    private static void read(InputStream body, ServerSentEventParser parser, ServerSentEventListener listener,
            Exchange exchange) {
        EndWatchingListener watcher = new EndWatchingListener(listener, exchange, body);
        parser.parse(body, watcher);
        if (watcher.failed() || exchange.isCancelled()) {
            return;
        }
        if (isEndMarker(watcher.last())) {
            listener.onClose();
        } else {
            listener.onError(new StreamEndException(watcher.last()));
        }
    }

    /** {@code [DONE]} ({@code /v1}), or an NDJSON line with {@code "done": true} (Ollama's {@code /api}). */
    static boolean isEndMarker(String data) {
        if (data == null) {
            return false;
        }
        if (data.equals("[DONE]")) {
            return true;
        }
        if (!data.contains("\"done\"")) {
            return false;
        }
        try {
            JsonNode line = JSON.readTree(data);
            return line.path("done").asBoolean(false);
        } catch (IOException notJson) {
            return false;
        }
    }

    private static HttpStatusException statusException(HttpResponse<?> response, String body) {
        Duration retryAfter = HttpErrors.parseRetryAfter(
                response.headers().firstValue("Retry-After").orElse(null), Clock.systemUTC());
        return new HttpStatusException(response.statusCode(), body, retryAfter, response.uri().getRawPath());
    }

    private static String readBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    /** Names the shared stream readers and makes them daemons. */
    private static final class ThreadFactory implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "switchboard-langchain4j-stream-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /**
     * LangChain4j's {@link HttpClientBuilder} for {@link LangChain4jHttpClient}. The models call
     * {@link #connectTimeout(Duration)} and {@link #readTimeout(Duration)} with their
     * {@code timeout(...)} setting; the connect timeout is the shared JDK client's, so the value given
     * here is only reported back, the read timeout is used.
     */
    public static final class Builder implements HttpClientBuilder {
        private final java.net.http.HttpClient jdk;
        private final Exchange exchange;
        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder(java.net.http.HttpClient jdk, Exchange exchange) {
            this.jdk = Objects.requireNonNull(jdk, "jdk");
            this.exchange = Objects.requireNonNull(exchange, "exchange");
            this.connectTimeout = jdk.connectTimeout().orElse(null);
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public LangChain4jHttpClient build() {
            return new LangChain4jHttpClient(jdk, exchange, readTimeout);
        }
    }
}
