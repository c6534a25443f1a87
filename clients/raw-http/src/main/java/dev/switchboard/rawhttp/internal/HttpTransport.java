package dev.switchboard.rawhttp.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.HttpErrors;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.core.wire.ErrorBody;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP plumbing both raw-HTTP adapters share: one {@link OkHttpClient} per endpoint, requests
 * with the bearer key, statuses and I/O failures turned into core's typed errors, and retries.
 *
 * <p>Timeouts come from the {@link Endpoint}: connect, and read (the longest silence between two
 * reads, not a whole-call limit, so a long generation that keeps streaming never times out). There
 * is no call timeout.
 *
 * <p>Retries ({@link Endpoint#maxRetries()}, default 0) cover only failures before a response
 * arrived or a retriable status (429, 5xx, connection failure), with exponential backoff from
 * 500 ms to 8 s, or the server's Retry-After on a 429. OkHttp's own silent retry on connection
 * failure is off: it would resend a generation the caller did not ask to resend.
 *
 * <p>Per request it does as little as it can, since a stream's first delta waits for it: URLs are
 * parsed and the {@code Authorization} header built once, into a request per URL ({@link Target})
 * that a call only adds its body to (with OkHttp's {@code newBuilder()}, the code OkHttp's own
 * interceptors run on every call anyway), and with
 * {@code maxRetries} 0 the call runs directly, without the retry executor (which would only run it
 * once and rethrow).
 */
public final class HttpTransport implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");

    private final Endpoint endpoint;
    private final OkHttpClient http;
    private final Function<byte[], ErrorBody> errorReader;
    private final String authorization;
    /** Built once; null when OkHttp rejects the key as a header value (then each request throws). */
    private final Headers headers;
    /** Null when {@link Endpoint#maxRetries()} is 0. */
    private final FailsafeExecutor<Exchange> retries;

    /**
     * @param endpoint    timeouts, key and retries
     * @param errorReader reads the server's error body ({@code OpenAiWire::readError} or
     *                    {@code OllamaWire::readError}); must not throw
     */
    public HttpTransport(Endpoint endpoint, Function<byte[], ErrorBody> errorReader) {
        this.endpoint = endpoint;
        this.errorReader = errorReader;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(endpoint.connectTimeout())
                .readTimeout(endpoint.readTimeout())
                .writeTimeout(endpoint.readTimeout())
                .retryOnConnectionFailure(false)
                .build();
        this.authorization = "Bearer " + endpoint.apiKeyOrPlaceholder();
        this.headers = headersOrNull(authorization);
        if (endpoint.maxRetries() == 0) {
            this.retries = null;
        } else {
            RetryPolicy<Exchange> policy = RetryPolicy.<Exchange>builder()
                    .handleIf(e -> e instanceof LlmException && ((LlmException) e).isRetriable())
                    .withMaxRetries(endpoint.maxRetries())
                    .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(8))
                    .withDelayFnOn(context -> {
                        RateLimitedException e = context.getLastException();
                        return e.retryAfter() == null ? Duration.ofMillis(-1) : e.retryAfter();
                    }, RateLimitedException.class)
                    .build();
            this.retries = Failsafe.with(policy);
        }
    }

    /**
     * A request URL, parsed once, with the request every call to it starts from: its URL and this
     * transport's headers, built once, so that a call only adds its body. A URL OkHttp cannot
     * parse (or a key it rejects as a header value) leaves no template: each request with it then
     * throws OkHttp's {@link IllegalArgumentException}, as it did when built per request.
     */
    public final class Target {
        private final String text;
        private final HttpUrl parsed;
        /** {@code GET url} with the headers; null when the URL or the headers are invalid. */
        private final Request get;

        private Target(String text) {
            this.text = text;
            this.parsed = HttpUrl.parse(text);
            this.get = parsed != null && headers != null ? new Request(parsed, headers, "GET", null) : null;
        }

        /** {@code GET url}; the same immutable request each time. */
        Request get() {
            return get != null ? get : new Request(url(), headers(), "GET", null);
        }

        /** {@code POST url} with {@code body}: the template with the body added. */
        Request post(RequestBody body) {
            return get != null ? get.newBuilder().post(body).build() : new Request(url(), headers(), "POST", body);
        }

        private HttpUrl url() {
            return parsed != null ? parsed : HttpUrl.get(text); // the latter throws, naming the problem
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code url} (absolute, http or https) as a {@link Target} of this transport; never throws. */
    public Target target(String url) {
        return new Target(url);
    }

    /**
     * {@code GET url}; returns the body of a 2xx answer.
     *
     * @throws LlmException typed by status, or {@link ConnectionException} / {@link LlmTimeoutException}
     */
    public byte[] get(Target url) {
        return readBody(exchange(url.get()).response());
    }

    /**
     * {@code POST url} with a JSON body; returns the body of a 2xx answer.
     *
     * @throws LlmException typed by status, or {@link ConnectionException} / {@link LlmTimeoutException}
     */
    public byte[] post(Target url, byte[] json) {
        return readBody(exchange(url.post(RequestBody.create(json, JSON))).response());
    }

    /**
     * {@code POST url} with a JSON body and returns the exchange once a 2xx status and the headers
     * arrived, the body not yet read: for streams. The caller must close its response.
     *
     * @throws LlmException typed by status, or {@link ConnectionException} / {@link LlmTimeoutException}
     */
    public Exchange postForStream(Target url, byte[] json) {
        return exchange(url.post(RequestBody.create(json, JSON)));
    }

    /**
     * A call and its response. {@link Call#cancel()} closes the socket at once, also from another
     * thread while a read blocks; closing the response alone may first drain the body.
     */
    public record Exchange(Call call, Response response) {
    }

    /** The request headers; for a key OkHttp rejects, throws its {@link IllegalArgumentException}. */
    private Headers headers() {
        return headers != null ? headers : Headers.of("Authorization", authorization);
    }

    private static Headers headersOrNull(String authorization) {
        try {
            return Headers.of("Authorization", authorization);
        } catch (IllegalArgumentException rejected) {
            return null; // thrown again by each request, as before
        }
    }

    private Exchange exchange(Request request) {
        return retries == null ? execute(request) : retries.get(() -> execute(request));
    }

    private Exchange execute(Request request) {
        Call call = http.newCall(request);
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw failure(e, request.method() + " " + request.url());
        }
        if (response.isSuccessful()) {
            return new Exchange(call, response);
        }
        try (response) {
            byte[] body = response.body().bytes();
            ErrorBody error = errorReader.apply(body);
            Duration retryAfter = HttpErrors.parseRetryAfter(response.header("Retry-After"), Clock.systemUTC());
            throw HttpErrors.forStatus(response.code(), error.message(), error.code(), retryAfter, request.url().encodedPath());
        } catch (IOException e) {
            throw HttpErrors.forStatus(response.code(), null, null, null, request.url().encodedPath());
        }
    }

    private byte[] readBody(Response response) {
        try (response; ResponseBody body = response.body()) {
            return body.bytes();
        } catch (IOException e) {
            throw failure(e, "reading the body of " + response.request().url());
        }
    }

    /**
     * The typed error for an I/O failure: {@link LlmTimeoutException} when the read timeout passed
     * (OkHttp signals it with {@link SocketTimeoutException} or an {@link InterruptedIOException}
     * "timeout"), else {@link ConnectionException}.
     */
    public LlmException failure(IOException e, String during) {
        if (isTimeout(e)) {
            return new LlmTimeoutException("no data for " + endpoint.readTimeout().toMillis() + " ms while " + during,
                    endpoint.readTimeout(), e);
        }
        return new ConnectionException("connection failed while " + during + ": " + e, e);
    }

    static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    /** Closes idle connections and OkHttp's threads; idempotent. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
