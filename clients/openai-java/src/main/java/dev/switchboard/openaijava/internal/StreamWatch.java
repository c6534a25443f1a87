package dev.switchboard.openaijava.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import com.openai.client.OpenAIClient;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * What the SDK does not tell about one streaming exchange: whether the body ended with
 * {@code data: [DONE]}, and the OkHttp {@link Call} to cancel it. One watch per
 * {@code stream()} call; it travels with that call only.
 *
 * <p>Why it exists: openai-java's SSE reader ends its {@code Stream} the same way at
 * {@code data: [DONE]} and at a body that simply stops, so a stream cut after its last chunk
 * (Ollama's {@code /v1} does this on a mid-stream error,
 * {@code core/src/test/resources/reference/ollama-wire.md} 2.2) would look like success.
 *
 * <p>How it sees the exchange: {@link #client(OpenAIClient, OkHttpClient)} derives, for this one
 * stream, an SDK client whose HTTP client is the adapter's OkHttp client with this watch added as
 * an interceptor ({@code OkHttpClient.newBuilder()} shares the connection pool and dispatcher;
 * {@code OpenAIClient.withOptions} keeps every SDK setting). No static or thread-bound state:
 * the interceptor is this object, and only requests sent through the derived client pass it.
 * On a 2xx response it records the call and wraps the body so that the last {@value #TAIL} bytes
 * read are kept; when the SDK's stream ends, {@link #endedWithDoneMarker()} says whether those
 * bytes end in {@code [DONE]}. The cost is a copy of at most 16 bytes per read of the socket, and
 * per stream one derived OkHttp client and SDK client (no threads, no sockets of their own).
 *
 * <p>Thread-safe for {@link #cancel()}; the rest is used by the reading thread only.
 */
public final class StreamWatch implements Interceptor {

    private static final int TAIL = 16;
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private volatile Call call;

    /** A watch for one stream; see {@link #client}. */
    public StreamWatch() {
    }

    /**
     * The SDK client to send this stream's request with: {@code sdk}'s settings (base URL, key,
     * timeouts, retries, JSON mapper, executors), over {@code okHttp} with this watch as its
     * interceptor. Nothing to close: the derived clients own no threads or connections, and closing
     * them would close {@code okHttp}'s shared pool, so they are never closed.
     *
     * @param sdk    the adapter's shared SDK client, built on {@code okHttp}
     * @param okHttp the adapter's OkHttp client
     * @return a client for one {@code createStreaming} call
     */
    public OpenAIClient client(OpenAIClient sdk, OkHttpClient okHttp) {
        HttpClient watched = new com.openai.client.okhttp.OkHttpClient(okHttp.newBuilder().addInterceptor(this).build());
        return sdk.withOptions(options -> options.httpClient(new Unclosed(watched)));
    }

    @Override
    public Response intercept(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!response.isSuccessful()) {
            return response;
        }
        call = chain.call();
        ResponseBody body = response.body();
        ForwardingSource source = new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long read = super.read(sink, byteCount);
                if (read > 0) {
                    remember(sink, read);
                }
                return read;
            }
        };
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(source), body.contentType(), body.contentLength()))
                .build();
    }

    private void remember(Buffer sink, long read) {
        long end = sink.size();
        int count = (int) Math.min(read, TAIL);
        int keep = Math.min(tailLength, TAIL - count);
        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
        for (int i = 0; i < count; i++) {
            tail[keep + i] = sink.getByte(end - count + i);
        }
        tailLength = keep + count;
    }

    /**
     * Whether the bytes read so far end with {@code [DONE]} (trailing whitespace ignored): true
     * once the SDK stopped at the end marker, false for a body that ended, or was read, before it.
     *
     * @return whether the end marker was the last thing read
     */
    public boolean endedWithDoneMarker() {
        int end = tailLength;
        while (end > 0 && (tail[end - 1] == '\n' || tail[end - 1] == '\r' || tail[end - 1] == ' ')) {
            end--;
        }
        if (end < DONE.length) {
            return false;
        }
        for (int i = 0; i < DONE.length; i++) {
            if (tail[end - DONE.length + i] != DONE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Cancels the exchange: OkHttp closes the socket at once, also while another thread is blocked
     * reading it. Idempotent; does nothing before the response arrived.
     */
    public void cancel() {
        Call c = call;
        if (c != null) {
            c.cancel();
        }
    }

    /**
     * The SDK's HTTP client over the derived OkHttp client, with {@code close()} a no-op: the SDK's
     * {@code OkHttpClient(okhttp3.OkHttpClient)} closes the dispatcher and pool it was given, which
     * here are the adapter's shared ones.
     */
    private static final class Unclosed implements HttpClient {

        private final HttpClient delegate;

        Unclosed(HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpResponse execute(HttpRequest request, RequestOptions options) {
            return delegate.execute(request, options);
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
            return delegate.executeAsync(request, options);
        }

        @Override
        public void close() {
            // the shared OkHttp client is closed by the adapter
        }
    }
}
