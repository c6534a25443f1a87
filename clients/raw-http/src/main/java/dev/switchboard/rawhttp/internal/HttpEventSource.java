package dev.switchboard.rawhttp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;
import okio.BufferedSource;

/**
 * A {@link ChatStream.Source} over one open streaming response: reads one frame at a time (an SSE
 * data payload or an NDJSON line), hands it to core's decoder, and queues the events it gives.
 *
 * <p>Made before the request is sent, then {@link #open opened} with the response: a subclass
 * builds its reader and decoder (buffers included) over {@link #body()} in its constructor, so
 * none of a stream's setup runs between the response's arrival and its first event.
 *
 * <p>Every way a stream can break becomes a {@link StreamInterruptedException} carrying the
 * decoder's {@link PartialResponse}: an I/O failure (cause: the {@link IOException}), the read
 * timeout (cause: {@link LlmTimeoutException}), a frame that does not parse (cause:
 * {@link MalformedResponseException}, which names the payload), the server's error frame (as the
 * decoder reports it), and the body ending before the end marker (no cause). The response is
 * closed on every end; {@link #cancel()} cancels the call, after which {@link #next()} ends quietly.
 */
public abstract class HttpEventSource implements ChatStream.Source {

    private final HttpTransport transport;
    private final Body body = new Body();
    private HttpTransport.Exchange exchange;
    private final ArrayDeque<ChatEvent> pending = new ArrayDeque<>(4); // a frame gives 1 to 3 events, rarely more
    private final Consumer<ChatEvent> queue = pending::add;
    private volatile boolean cancelled;
    /** Whether a thread is inside {@link #next()}: only that thread may close the response then. */
    private volatile boolean reading;
    private boolean responseClosed;
    private boolean ended;

    /** A source not yet {@link #open opened}; {@code transport} types its I/O failures. */
    protected HttpEventSource(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * Reads the stream from {@code exchange}; call once, before the first {@link #next()}.
     *
     * @param exchange a 2xx response whose body is the stream
     * @throws IllegalStateException if already opened
     */
    public final void open(HttpTransport.Exchange exchange) {
        if (this.exchange != null) {
            throw new IllegalStateException("already opened");
        }
        body.in = exchange.response().body().source();
        this.exchange = exchange;
    }

    /**
     * The response body, for a subclass's reader made before {@link #open}: reading it before then
     * throws {@link IllegalStateException}.
     */
    protected final InputStream body() {
        return body;
    }

    /** The next frame's bytes, or null at the end of the body. */
    protected abstract byte[] readFrame() throws IOException;

    /** Decodes one frame, passing its events to {@code out}; throws as core's decoders do. */
    protected abstract void decode(byte[] frame, Consumer<ChatEvent> out);

    /** Whether the decoder saw the end marker. */
    protected abstract boolean isDone();

    /** What the decoder holds so far. */
    protected abstract PartialResponse partial();

    /** The end marker's name for messages, e.g. {@code data: [DONE]}. */
    protected abstract String endMarker();

    @Override
    public final ChatEvent next() {
        reading = true; // before reading cancelled: a cancel either sees this or is seen below
        try {
            while (pending.isEmpty()) {
                if (ended) {
                    return null;
                }
                if (cancelled) {
                    end(); // the reading thread closes its own response
                    return null;
                }
                if (isDone()) {
                    end();
                    break;
                }
                readAndDecode();
            }
            return pending.poll();
        } finally {
            reading = false;
        }
    }

    private void readAndDecode() {
        byte[] frame;
        try {
            frame = readFrame();
        } catch (IOException e) {
            if (cancelled) {
                end();
                return;
            }
            throw interrupted(transport.failure(e, "reading the stream"));
        }
        if (frame == null) {
            throw interrupted("the stream ended without " + endMarker(), null);
        }
        try {
            decode(frame, queue);
        } catch (MalformedResponseException e) {
            throw interrupted(e);
        } catch (StreamInterruptedException e) {
            end();
            throw e;
        }
    }

    private StreamInterruptedException interrupted(LlmException cause) {
        return interrupted("the stream broke: " + cause.getMessage(), cause);
    }

    private StreamInterruptedException interrupted(String message, Throwable cause) {
        end();
        return new StreamInterruptedException(message, partial(), cause);
    }

    private void end() {
        ended = true;
        closeResponse(exchange);
    }

    /**
     * Cancels the call, which closes its socket and so aborts a read blocked on another thread.
     * The response is closed here only when no thread is reading: OkHttp's body is not
     * thread-safe, and closing it under a reader threw {@code IllegalStateException: Unbalanced
     * enter/exit} and drained the body on the closing thread. A reader closes it itself as it ends.
     */
    @Override
    public final void cancel() {
        cancelled = true;
        HttpTransport.Exchange e = exchange;
        if (e != null) {
            e.call().cancel();
            if (!reading) {
                closeResponse(e);
            }
        }
    }

    /** Closes the response once, whichever of the reader and a canceller comes first. */
    private void closeResponse(HttpTransport.Exchange e) {
        synchronized (body) {
            if (responseClosed) {
                return;
            }
            responseClosed = true;
        }
        e.response().close();
    }

    /**
     * The response body once {@link #open} set it: reads OkHttp's {@link BufferedSource} directly,
     * without the {@link InputStream} adapter {@code ResponseBody.byteStream()} would allocate per
     * stream, failing as that adapter does (an {@link IOException} once closed).
     */
    private static final class Body extends InputStream {
        private BufferedSource in;

        @Override
        public int read() throws IOException {
            BufferedSource s = source();
            try {
                return s.exhausted() ? -1 : s.readByte() & 0xff;
            } catch (IllegalStateException closed) {
                throw new IOException(closed.getMessage(), closed);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            BufferedSource s = source();
            try {
                return s.read(b, off, len);
            } catch (IllegalStateException closed) {
                throw new IOException(closed.getMessage(), closed);
            }
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }

        private BufferedSource source() {
            if (in == null) {
                throw new IllegalStateException("the event source was not opened");
            }
            return in;
        }
    }
}
