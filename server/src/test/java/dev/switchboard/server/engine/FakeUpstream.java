package dev.switchboard.server.engine;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.error.LlmException;

/**
 * An upstream ({@link #client()}, an {@link LlmClient}) whose answers the test feeds one item at a time: each {@link #stream} call
 * takes the next queued {@link Answer}, whose events (or failure) the test pushes while the relay
 * reads. Counts the streams opened and the streams cancelled.
 */
final class FakeUpstream {

    /** What one stream gives: events pushed by the test, ended by {@link #end()} or {@link #fail}. */
    static final class Answer {
        private static final Object END = new Object();
        private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        private final AtomicInteger cancelled = new AtomicInteger();

        Answer push(ChatEvent event) {
            items.add(event);
            return this;
        }

        Answer end() {
            items.add(END);
            return this;
        }

        Answer fail(LlmException error) {
            items.add(error);
            return this;
        }

        int cancelled() {
            return cancelled.get();
        }

        ChatStream stream() {
            return ChatStream.of(new ChatStream.Source() {
                @Override
                public ChatEvent next() {
                    try {
                        Object item = items.poll(10, TimeUnit.SECONDS);
                        if (item == null || item == END) {
                            return null;
                        }
                        if (item instanceof LlmException) {
                            throw (LlmException) item;
                        }
                        return (ChatEvent) item;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }

                @Override
                public void cancel() {
                    cancelled.incrementAndGet();
                    items.add(END); // a blocked read returns
                }
            });
        }
    }

    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final AtomicReference<Object> models = new AtomicReference<>(List.of(new ModelInfo("m", "fake", 0)));
    final AtomicInteger streams = new AtomicInteger();

    /** The next stream gives {@code answer}. */
    FakeUpstream next(Answer answer) {
        answers.add(answer);
        return this;
    }

    /** The next stream fails at once with {@code error}, as a client fails to connect. */
    FakeUpstream refuseNext(LlmException error) {
        answers.add(error);
        return this;
    }

    /** Model lists (health checks) from now on fail with {@code error}; null lists {@code m} again. */
    void modelsFail(LlmException error) {
        models.set(error == null ? List.of(new ModelInfo("m", "fake", 0)) : error);
    }

    /**
     * The {@link LlmClient} view: {@code stream}, {@code models}, {@code capabilities} and
     * {@code close} work; any other method fails the test. A dynamic proxy rather than a class, so a
     * method added to {@code LlmClient} later needs nothing here.
     */
    LlmClient client() {
        return (LlmClient) Proxy.newProxyInstance(LlmClient.class.getClassLoader(), new Class<?>[] {LlmClient.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "stream":
                            return stream((ChatRequest) args[0]);
                        case "models":
                            return models();
                        case "capabilities":
                            return Capabilities.all();
                        case "close":
                            return null;
                        case "toString":
                            return "FakeUpstream";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new AssertionError("the gateway should not call " + method.getName());
                    }
                });
    }

    private ChatStream stream(ChatRequest request) {
        streams.incrementAndGet();
        Object next = answers.poll();
        if (next == null) {
            throw new AssertionError("no answer queued for stream " + streams.get());
        }
        if (next instanceof LlmException) {
            throw (LlmException) next;
        }
        return ((Answer) next).stream();
    }

    @SuppressWarnings("unchecked")
    private List<ModelInfo> models() {
        Object value = models.get();
        if (value instanceof LlmException) {
            throw (LlmException) value;
        }
        return (List<ModelInfo>) value;
    }
}
