package dev.switchboard.openaijava.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * What the SDK does not tell about one streaming exchange: whether the body ended with
 * {@code data: [DONE]}, and the OkHttp {@link Call} to cancel it.
 *
 * <p>Why it exists: openai-java's SSE reader ends its {@code Stream} the same way at
 * {@code data: [DONE]} and at a body that simply stops, so a stream cut after its last chunk
 * (Ollama's {@code /v1} does this on a mid-stream error, {@code shared/reference/ollama-wire.md}
 * 2.2) would look like success. The adapter {@linkplain #arm() arms} a watch on its own thread just
 * before {@code createStreaming}; the SDK runs a synchronous call's OkHttp interceptors on that same
 * thread, so {@link #INTERCEPTOR} finds the armed watch, records the call and wraps the 2xx
 * body so that the last {@value #TAIL} bytes read are kept. When the SDK's stream ends,
 * {@link #endedWithDoneMarker()} says whether those bytes end in {@code [DONE]}. The cost is a
 * copy of at most 16 bytes per read of the socket.
 *
 * <p>Requests made while no watch is armed on the thread (chat, embeddings, models, other
 * threads) pass through untouched. Thread-safe for {@link #cancel()}; the rest is used by the
 * reading thread only.
 */
public final class StreamWatch {

    /** Register with {@code OpenAIOkHttpClient.Builder.addInterceptor}. */
    public static final Interceptor INTERCEPTOR = StreamWatch::intercept;

    private static final int TAIL = 16;
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<StreamWatch> ARMED = new ThreadLocal<>();

    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private volatile Call call;

    private StreamWatch() {
    }

    /**
     * Arms a new watch on this thread for the next request(s) made on it; pair with
     * {@link #disarm()} in a {@code finally} once {@code createStreaming} returned.
     */
    public static StreamWatch arm() {
        StreamWatch watch = new StreamWatch();
        ARMED.set(watch);
        return watch;
    }

    /** Stops watching requests made on this thread. */
    public static void disarm() {
        ARMED.remove();
    }

    private static Response intercept(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        StreamWatch watch = ARMED.get();
        if (watch == null || !response.isSuccessful()) {
            return response;
        }
        watch.call = chain.call();
        ResponseBody body = response.body();
        ForwardingSource source = new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long read = super.read(sink, byteCount);
                if (read > 0) {
                    watch.remember(sink, read);
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
}
