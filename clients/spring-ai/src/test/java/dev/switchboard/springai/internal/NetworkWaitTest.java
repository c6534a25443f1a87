package dev.switchboard.springai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpMethod;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;

/** The per-stream network-wait signal, and the per-stream SDK client view that raises it. */
class NetworkWaitTest {

    @Test
    void deferringWaitsForTheReadingThreadsNextNetworkRead() {
        NetworkWait wait = new NetworkWait();
        AtomicInteger runs = new AtomicInteger();
        Runnable wake = runs::incrementAndGet;

        assertThat(wait.defer(wake)).as("before any read").isFalse();
        wait.before();
        assertThat(wait.defer(wake)).isTrue();
        assertThat(wait.defer(wake)).isTrue();
        assertThat(runs).as("deferred, once").hasValue(0);
        wait.before();
        assertThat(runs).hasValue(1);
        wait.before();
        assertThat(runs).as("nothing pending").hasValue(1);
        assertThat(wait.defer(wake)).isTrue();
        wait.leave();
        assertThat(runs).as("run at the end of the body").hasValue(2);
        assertThat(wait.defer(wake)).as("after the end").isFalse();
    }

    @Test
    void anotherThreadNeitherDefersNorEndsTheReadersWait() throws Exception {
        NetworkWait wait = new NetworkWait();
        AtomicInteger runs = new AtomicInteger();
        wait.before();
        assertThat(wait.defer(runs::incrementAndGet)).isTrue();

        CompletableFuture<Boolean> deferredElsewhere = CompletableFuture.supplyAsync(() -> {
            wait.leave();
            return wait.defer(runs::incrementAndGet);
        });

        assertThat(deferredElsewhere.get()).isFalse();
        assertThat(runs).as("the reader's pending wake-up is still pending").hasValue(0);
        wait.before();
        assertThat(runs).hasValue(1);
    }

    @Test
    void twoStreamsHaveTwoSignalsOnTheSameThread() {
        NetworkWait first = new NetworkWait();
        NetworkWait second = new NetworkWait();
        AtomicInteger runs = new AtomicInteger();
        first.before();

        assertThat(second.defer(runs::incrementAndGet)).as("the second stream's body is not being read").isFalse();
        assertThat(first.defer(runs::incrementAndGet)).isTrue();
        second.before();
        assertThat(runs).as("the first stream's wake-up waits for the first stream's read").hasValue(0);
        first.before();
        assertThat(runs).hasValue(1);
    }

    @Test
    void theBodySignalsOnlyWhenNothingIsBufferedAndLeavesAtItsEnd() throws IOException {
        NetworkWait wait = new NetworkWait();
        List<String> seen = new ArrayList<>();
        AtomicBoolean buffered = new AtomicBoolean(true);
        InputStream wire = new ByteArrayInputStream("data: a\n\ndata: [DONE]\n\n".getBytes()) {
            @Override
            public synchronized int available() {
                return buffered.get() ? super.available() : 0; // as if the rest were still on the network
            }
        };
        HttpClient shared = new FixedResponseClient(200, wire);

        try (HttpResponse response = new StreamHttpClient(shared, wait).execute(request(), RequestOptions.none())) {
            InputStream body = response.body();
            assertThat(body.read(new byte[4])).isEqualTo(4);
            assertThat(wait.defer(() -> seen.add("wake"))).as("no network read yet").isFalse();

            buffered.set(false);
            assertThat(body.read(new byte[4])).isEqualTo(4);
            assertThat(wait.defer(() -> seen.add("wake"))).as("reading from the network").isTrue();
            assertThat(seen).isEmpty();
            body.readAllBytes();
            assertThat(seen).as("run by a later network read or the end").containsExactly("wake");
            assertThat(wait.defer(() -> seen.add("late"))).as("after the end").isFalse();
        }
    }

    @Test
    void anErrorStatusIsPassedThroughUntouched() {
        InputStream wire = new ByteArrayInputStream("{\"error\":{}}".getBytes());
        HttpResponse original = new FixedResponseClient(404, wire).execute(request(), RequestOptions.none());
        HttpClient shared = new FixedResponseClient(404, wire) {
            @Override
            public HttpResponse execute(HttpRequest request, RequestOptions options) {
                return original;
            }
        };

        assertThat(new StreamHttpClient(shared, new NetworkWait()).execute(request(), RequestOptions.none()))
                .isSameAs(original);
    }

    private static HttpRequest request() {
        return HttpRequest.builder().method(HttpMethod.POST).baseUrl("http://127.0.0.1:1/v1").build();
    }

    /** Answers every request with the given status and body. */
    private static class FixedResponseClient implements HttpClient {
        private final int status;
        private final InputStream body;

        FixedResponseClient(int status, InputStream body) {
            this.status = status;
            this.body = body;
        }

        @Override
        public HttpResponse execute(HttpRequest request, RequestOptions options) {
            return new HttpResponse() {
                @Override
                public int statusCode() {
                    return status;
                }

                @Override
                public Headers headers() {
                    return Headers.builder().build();
                }

                @Override
                public InputStream body() {
                    return body;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
            return CompletableFuture.completedFuture(execute(request, options));
        }

        @Override
        public void close() {
        }
    }
}
