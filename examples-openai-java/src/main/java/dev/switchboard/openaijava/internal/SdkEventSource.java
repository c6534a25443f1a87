package dev.switchboard.openaijava.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.error.StreamInterruptedException;

/**
 * A {@link ChatStream.Source} over the SDK's {@link StreamResponse} of chunks: pulls one chunk at a
 * time on the caller's thread, decodes it with {@link ChunkEvents}, and turns every way the stream
 * can break into a {@link StreamInterruptedException} carrying what arrived (see
 * {@link SdkErrors#interrupted}), including a body that ended without {@code data: [DONE]}, which
 * the SDK itself takes as a normal end ({@link StreamWatch}).
 *
 * <p>{@link #cancel()} cancels the OkHttp call (closing the socket, also under a blocked read on
 * another thread) and closes the SDK's stream, which releases the response.
 */
public final class SdkEventSource implements ChatStream.Source {

    private final StreamResponse<ChatCompletionChunk> response;
    private final Iterator<ChatCompletionChunk> chunks;
    private final StreamWatch watch;
    private final Duration readTimeout;
    private final ChunkEvents decoder = new ChunkEvents();
    private final ArrayDeque<ChatEvent> pending = new ArrayDeque<>();
    private final Consumer<ChatEvent> queue = pending::add;
    private volatile boolean cancelled;
    private boolean ended;

    /**
     * @param response    the SDK's open stream; this source closes it
     * @param watch       the watch armed for this exchange
     * @param readTimeout the idle timeout, for the messages of timeouts
     */
    public SdkEventSource(StreamResponse<ChatCompletionChunk> response, StreamWatch watch, Duration readTimeout) {
        this.response = response;
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
        response.close();
    }

    @Override
    public void cancel() {
        cancelled = true;
        watch.cancel();
        response.close();
    }
}
