package dev.switchboard.springai.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;

/**
 * One stream's view of the shared openai-java {@link HttpClient}: sends through it (same OkHttp
 * connection pool, dispatcher and interceptors) and wraps each successful response body so that it
 * tells this stream's {@link NetworkWait} when its reader is about to wait for the network.
 *
 * <p>A read is a network wait when the body has no bytes buffered ({@link InputStream#available()}
 * is 0): the readers above it (openai-java's SSE line reader) read again only once everything they
 * had was parsed, so every answer in the bytes so far was delivered. The end of the body, a failed
 * read and closing it on the reading thread call {@link NetworkWait#leave()}.
 *
 * <p>Made per stream with its own {@link NetworkWait} and discarded with it; {@link #close()} does
 * not close the shared client, whose owner closes it.
 */
public final class StreamHttpClient implements HttpClient {

    private final HttpClient shared;
    private final NetworkWait networkWait;

    /**
     * @param shared      the client that sends, e.g. Spring AI's {@code SpringAiOpenAiHttpClient}
     * @param networkWait the stream's signal, also handed to its {@link FluxChatSource}
     */
    public StreamHttpClient(HttpClient shared, NetworkWait networkWait) {
        this.shared = shared;
        this.networkWait = networkWait;
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
        return signalling(shared.execute(request, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
        return shared.executeAsync(request, requestOptions).thenApply(this::signalling);
    }

    /** Nothing to release: the shared client belongs to its owner. */
    @Override
    public void close() {
    }

    private HttpResponse signalling(HttpResponse response) {
        int status = response.statusCode();
        return status < 200 || status > 299 ? response : new SignallingResponse(response, networkWait);
    }

    private static final class SignallingResponse implements HttpResponse {
        private final HttpResponse response;
        private final NetworkWait networkWait;
        private InputStream body;

        SignallingResponse(HttpResponse response, NetworkWait networkWait) {
            this.response = response;
            this.networkWait = networkWait;
        }

        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public Headers headers() {
            return response.headers();
        }

        @Override
        public synchronized InputStream body() {
            if (body == null) {
                body = new SignallingBody(response.body(), networkWait);
            }
            return body;
        }

        @Override
        public void close() {
            response.close();
        }
    }

    private static final class SignallingBody extends FilterInputStream {
        private final NetworkWait networkWait;

        SignallingBody(InputStream in, NetworkWait networkWait) {
            super(in);
            this.networkWait = networkWait;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                if (in.available() == 0) {
                    networkWait.before(); // every answer in the bytes read so far was delivered
                }
                n = in.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                networkWait.leave();
                throw e;
            }
            if (n == -1) {
                networkWait.leave();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } finally {
                networkWait.leave(); // only on the reading thread; Spring AI may close from another
            }
        }
    }
}
