package dev.switchboard.langchain4j.internal;

import java.io.IOException;
import java.io.InputStream;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;

/**
 * Passes events on, remembering the last one's data and whether an error was reported. An
 * exception thrown by the model's listener ends the stream with that error, as
 * {@link HttpClient}'s contract says ("the stream processing will be terminated"); the parsers
 * would otherwise log it and read on (langchain4j-ollama's listener throws for a line that is not
 * JSON).
 */
final class EndWatchingListener implements ServerSentEventListener {
    private final ServerSentEventListener delegate;
    private final Exchange exchange;
    private final InputStream body;
    private String last;
    private boolean failed;

    /**
     * @param delegate the model's listener
     * @param exchange the call's exchange: told each event's data; no error is passed on once it is cancelled
     * @param body     the body being parsed, closed to stop the parser when the model's listener throws
     */
    EndWatchingListener(ServerSentEventListener delegate, Exchange exchange, InputStream body) {
        this.delegate = delegate;
        this.exchange = exchange;
        this.body = body;
    }

    /** The data of the last non-blank event, or null; the parsing thread only. */
    String last() {
        return last;
    }

    /** Whether an error was reported (or swallowed after cancellation); the parsing thread only. */
    boolean failed() {
        return failed;
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
        if (failed) {
            return;
        }
        remember(event);
        try {
            delegate.onEvent(event, context);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void onEvent(ServerSentEvent event) {
        if (failed) {
            return;
        }
        remember(event);
        try {
            delegate.onEvent(event);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException e) {
        onError(e);
        try {
            body.close(); // stops the parser: its next read fails, and that error is ignored
        } catch (IOException | RuntimeException ignored) {
            // the error is reported already
        }
    }

    private void remember(ServerSentEvent event) {
        String data = event.data();
        if (data != null && !data.isBlank()) {
            last = data;
            exchange.payload(data);
        }
    }

    @Override
    public void onError(Throwable error) {
        if (failed) {
            return;
        }
        failed = true;
        if (!exchange.isCancelled()) {
            delegate.onError(error);
        }
    }
}
