package dev.switchboard.langchain4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;

/** {@link LangChain4jHttpClient}'s streaming path, on a JDK client whose answer is complete before the call returns. */
class LangChain4jHttpClientTest {

    private static final String BODY = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: [DONE]\n\n";

    @Test
    void aResponseCompleteBeforeTheCallReturnsIsStillParsedOffTheCallersThread() throws Exception {
        Exchange exchange = new Exchange();
        List<String> events = new CopyOnWriteArrayList<>();
        List<Thread> parsers = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        ServerSentEventListener listener = new ServerSentEventListener() {
            @Override
            public void onOpen(SuccessfulHttpResponse response) {
            }

            @Override
            public void onEvent(ServerSentEvent event) {
                parsers.add(Thread.currentThread());
                events.add(event.data());
            }

            @Override
            public void onError(Throwable error) {
                events.add("error: " + error);
                closed.countDown();
            }

            @Override
            public void onClose() {
                closed.countDown();
            }
        };
        LangChain4jHttpClient client = LangChain4jHttpClient.builder(new CompletedHttpClient(BODY), exchange).build();

        client.execute(request(), new DefaultServerSentEventParser(), listener);

        assertThat(closed.await(10, TimeUnit.SECONDS)).as("the stream ended").isTrue();
        assertThat(events).containsExactly("{\"n\":1}", "{\"n\":2}", "[DONE]");
        assertThat(parsers).as("threads the events were delivered on").doesNotContain(Thread.currentThread());
        assertThat(exchange.signalsIdle()).as("a BodyStream announces when it waits").isTrue();
    }

    @Test
    void theCallsExchangeTravelsWithTheClientWhicheverThreadRunsTheRequest() throws Exception {
        Exchange exchange = new Exchange();
        CountDownLatch closed = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        ServerSentEventListener listener = new ServerSentEventListener() {
            @Override
            public void onEvent(ServerSentEvent event) {
                events.add(event.data());
            }

            @Override
            public void onError(Throwable error) {
                events.add("error: " + error);
                closed.countDown();
            }

            @Override
            public void onClose() {
                closed.countDown();
            }
        };
        LangChain4jHttpClient client = LangChain4jHttpClient.builder(new CompletedHttpClient(BODY), exchange).build();

        // Neither the thread that made the exchange nor one it was ever bound to: nothing is bound to threads.
        Thread other = new Thread(() -> client.execute(request(), new DefaultServerSentEventParser(), listener));
        other.start();
        other.join(10_000);

        assertThat(closed.await(10, TimeUnit.SECONDS)).as("the stream ended").isTrue();
        assertThat(events).as("no error").containsExactly("{\"n\":1}", "{\"n\":2}", "[DONE]");
        assertThat(exchange.began()).as("the exchange saw the 2xx status").isTrue();
        assertThat(exchange.lastPayload()).as("the exchange saw the events").isEqualTo("[DONE]");
    }

    private static dev.langchain4j.http.client.HttpRequest request() {
        return dev.langchain4j.http.client.HttpRequest.builder()
                .method(HttpMethod.POST).url("http://localhost:1/v1/chat/completions").body("{}").build();
    }

    /** A JDK client that answers every request with 200 and {@code body}, the future complete before it is returned. */
    private static final class CompletedHttpClient extends java.net.http.HttpClient {
        private final byte[] body;

        CompletedHttpClient(String body) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("text/event-stream")), (k, v) -> true);
            HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
                @Override
                public int statusCode() {
                    return 200;
                }

                @Override
                public HttpHeaders headers() {
                    return headers;
                }

                @Override
                public Version version() {
                    return Version.HTTP_1_1;
                }
            };
            HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onNext(List.of(ByteBuffer.wrap(body)));
            subscriber.onComplete();
            T value = subscriber.getBody().toCompletableFuture().join();
            return CompletableFuture.completedFuture(new Response<>(request, headers, value));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
            return sendAsync(request, handler);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            throw new IOException("not used");
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return null;
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }

    private record Response<T>(HttpRequest request, HttpHeaders headers, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public java.net.URI uri() {
            return request.uri();
        }

        @Override
        public java.net.http.HttpClient.Version version() {
            return java.net.http.HttpClient.Version.HTTP_1_1;
        }
    }
}
