package dev.switchboard.openaijava.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.error.StreamInterruptedException;

/**
 * A {@link ChatStream.Source} over the SDK's {@link StreamResponse} of chunks: pulls one chunk at a
 * time on the caller's thread, decodes it with its {@link Decoder} ({@link ChunkEvents} for chat,
 * {@link CompletionEvents} for text completions), and turns every way the stream
 * can break into a {@link StreamInterruptedException} carrying what arrived (see
 * {@link SdkErrors#interrupted}), including a body that ended without {@code data: [DONE]}, which
 * the SDK itself takes as a normal end ({@link StreamWatch}).
 *
 * <p>{@link #cancel()} cancels the OkHttp call (closing the socket, also under a blocked read on
 * another thread) and closes the SDK's stream, which releases the response.
 */
public final class SdkEventSource<T> implements ChatStream.Source {

    /**
     * Turns the SDK's parsed chunks of one stream into events; stateful, one per stream.
     *
     * @param <T> the SDK's chunk type
     */
    public interface Decoder<T> {
        /** Decodes one chunk, passing its events to {@code out} in order. */
        void decode(T chunk, Consumer<ChatEvent> out);

        /** Called once {@code data: [DONE]} arrived: emits what is held back. */
        void end(Consumer<ChatEvent> out);

        /** What arrived so far. */
        PartialResponse partial();
    }

    private final StreamResponse<T> response;
    private final Iterator<T> chunks;
    private final StreamWatch watch;
    private final Duration readTimeout;
    private final Decoder<T> decoder;
    private final ArrayDeque<ChatEvent> pending = new ArrayDeque<>();
    private final Consumer<ChatEvent> queue = pending::add;
    private final Object lock = new Object();
    private final AtomicBoolean responseClosed = new AtomicBoolean();
    private volatile boolean cancelled; // written under lock
    private boolean reading;            // guarded by lock
    private boolean ended;

    /**
     * @param response    the SDK's open stream; this source closes it
     * @param decoder     a fresh decoder for this stream
     * @param watch       the watch armed for this exchange
     * @param readTimeout the idle timeout, for the messages of timeouts
     */
    public SdkEventSource(StreamResponse<T> response, Decoder<T> decoder, StreamWatch watch, Duration readTimeout) {
        this.response = response;
        this.decoder = decoder;
        this.chunks = response.stream().iterator();
        this.watch = watch;
        this.readTimeout = readTimeout;
    }

    @Override
    public ChatEvent next() {
        while (pending.isEmpty()) {
            if (ended || cancelled) {
                return null;
            }
            pull();
        }
        return pending.poll();
    }

    private void pull() {
        synchronized (lock) {
            if (cancelled) {
                ended = true;
                return;
            }
            reading = true;
        }
        try {
            read();
        } finally {
            synchronized (lock) {
                reading = false;
            }
            if (cancelled) {
                closeResponse(); // cancel() left it to this thread, which was reading it
            }
        }
    }

    private void read() {
        try {
            if (chunks.hasNext()) {
                decoder.decode(chunks.next(), queue);
                return;
            }
        } catch (OpenAIException e) {
            if (cancelled) {
                end();
                return;
            }
            end();
            throw SdkErrors.interrupted(e, decoder.partial(), readTimeout);
        }
        if (cancelled) {
            end();
            return;
        }
        end();
        if (!watch.endedWithDoneMarker()) {
            throw new StreamInterruptedException("the stream ended without data: [DONE]", decoder.partial(), null);
        }
        decoder.end(queue);
    }

    private void end() {
        ended = true;
        closeResponse();
    }

    /**
     * Cancels the OkHttp call, which closes the socket at once. The SDK's response is closed here
     * unless another thread is inside a read of it: okio sources are not thread-safe, so that
     * thread, woken by the closed socket, closes it itself.
     */
    @Override
    public void cancel() {
        boolean readerActive;
        synchronized (lock) {
            cancelled = true;
            readerActive = reading;
        }
        watch.cancel();
        if (!readerActive) {
            closeResponse();
        }
    }

    private void closeResponse() {
        if (responseClosed.compareAndSet(false, true)) {
            try {
                response.close();
            } catch (RuntimeException ignored) {
                // closing a cancelled exchange may fail to drain it; the socket is closed anyway
            }
        }
    }
}
