package dev.switchboard.langchain4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The transport facts of one HTTP exchange that LangChain4j's models do not pass on: whether the
 * answer began (a 2xx status arrived), the payload being handled when something failed, and a way
 * to cancel the exchange before its first event.
 *
 * <p>{@link LangChain4jHttpClient} finds the exchange of a call through {@link #bind}: LangChain4j's
 * {@code ChatModel.chat} and {@code StreamingChatModel.chat} call {@code HttpClient.execute} on the
 * caller's thread before they return (checked for langchain4j-open-ai 1.19.0 and langchain4j-ollama
 * 1.18.1), so the exchange is bound to that thread only for the duration of that call.
 *
 * <p>Thread-safe: the HTTP client's thread writes, the caller's thread reads and cancels.
 */
public final class Exchange {

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private volatile boolean began;
    private volatile String lastPayload;
    private volatile boolean cancelled;
    private volatile boolean signalsIdle;
    private volatile Runnable idleListener;
    private InputStream body;

    /** A new exchange: not begun, not cancelled. */
    public Exchange() {
    }

    /**
     * Runs {@code call} with this exchange bound to the current thread, so an HTTP request that
     * {@code call} starts on this thread belongs to it.
     *
     * @return what {@code call} returned
     */
    public <T> T bind(Supplier<T> call) {
        CURRENT.set(this);
        try {
            return call.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** The exchange bound to this thread by {@link #bind}, or null outside of one. */
    static Exchange current() {
        return CURRENT.get();
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
