package dev.switchboard.langchain4j.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * The transport facts of one call that LangChain4j's models do not pass on: whether the answer began
 * (a 2xx status arrived), the payload being handled when something failed, and a way to cancel the
 * exchange before its first event.
 *
 * <p>Per call, carried by the call's own objects: {@code LangChain4jLlmClient} makes a new exchange
 * for each call and hands it to that call's {@link LangChain4jHttpClient} (through
 * {@link LangChain4jHttpClient#builder(java.net.http.HttpClient, Exchange)}, given to the model
 * built for that call) and, for a stream, to its {@link StreamBridge}. Nothing is bound to a thread,
 * so it does not matter on which thread LangChain4j runs the request or its callbacks.
 *
 * <p>Thread-safe: the HTTP client's thread writes, the caller's thread reads and cancels.
 */
public final class Exchange {

    private volatile boolean began;
    private volatile String lastPayload;
    private volatile boolean cancelled;
    private volatile boolean signalsIdle;
    private volatile Runnable idleListener;
    private InputStream body;

    /** A new exchange: not begun, not cancelled. */
    public Exchange() {
    }

    /** Whether a 2xx status arrived: from then on a failure breaks an answer that had begun. */
    public boolean began() {
        return began;
    }

    /**
     * The last payload read: the whole body of a non-streaming answer, or the data of the stream event
     * being handled (so an error raised while handling it can name it); null before any.
     */
    public String lastPayload() {
        return lastPayload;
    }

    /**
     * Whether {@link #idle()} will be called whenever the stream's body runs out of bytes to parse:
     * true once a body that does so ({@link BodyStream}, opened by {@link LangChain4jHttpClient}) is
     * open. Until then a listener must not wait for {@code idle()}.
     */
    public boolean signalsIdle() {
        return signalsIdle;
    }

    /** Sets what {@link #idle()} runs: the stream's reader's wake-up. */
    void onIdle(Runnable listener) {
        idleListener = listener;
    }

    /**
     * Called on the thread that parses the body when every byte received so far was handed to the
     * parser (so every event in them was delivered) and it is about to wait for more from the network.
     */
    void idle() {
        Runnable listener = idleListener;
        if (listener != null) {
            listener.run();
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Cancels the exchange: closes the response body if it is open (which closes the connection), or
     * as soon as it opens. Idempotent; never throws; any thread.
     */
    public void cancel() {
        InputStream toClose;
        synchronized (this) {
            cancelled = true;
            toClose = body;
            body = null;
        }
        closeQuietly(toClose);
    }

    void payload(String payload) {
        if (payload != null && !payload.isBlank()) {
            lastPayload = payload;
        }
    }

    void markBegan() {
        began = true;
    }

    /** Called with the body of a 2xx streaming answer; closes it at once if already cancelled. */
    void opened(InputStream stream) {
        began = true;
        signalsIdle = stream instanceof BodyStream;
        synchronized (this) {
            if (!cancelled) {
                body = stream;
                return;
            }
        }
        closeQuietly(stream);
    }

    private static void closeQuietly(InputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort: the connection is dropped either way
        }
    }
}
