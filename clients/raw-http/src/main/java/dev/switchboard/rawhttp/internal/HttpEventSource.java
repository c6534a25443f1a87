package dev.switchboard.rawhttp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.wire.CompletionStreamDecoder;
import dev.switchboard.core.wire.NdjsonReader;
import dev.switchboard.core.wire.OllamaStreamDecoder;
import dev.switchboard.core.wire.OpenAiStreamDecoder;
import dev.switchboard.core.wire.SseReader;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;
import okio.BufferedSource;

/**
 * A {@link ChatStream.Source} over one open streaming response: reads one frame at a time (an SSE
 * data payload or an NDJSON line), hands it to core's decoder, and queues the events it gives.
 *
 * <p>Made by {@link #chat}, {@link #completion} or {@link #ollama} before the request is sent,
 * then {@link #open opened} with the response: the factory builds the reader and decoder (buffers
 * included) over the not-yet-open body, so none of a stream's setup runs between the response's
 * arrival and its first event.
 *
 * <p>Every way a stream can break becomes a {@link StreamInterruptedException} carrying the
 * decoder's {@link PartialResponse}: an I/O failure (cause: the {@link IOException}), the read
 * timeout (cause: {@link LlmTimeoutException}), a frame that does not parse (cause:
 * {@link MalformedResponseException}, which names the payload), the server's error frame (as the
 * decoder reports it), and the body ending before the end marker (no cause). The response is
 * closed on every end; {@link #cancel()} cancels the call, after which {@link #next()} ends quietly.
 */
public final class HttpEventSource implements ChatStream.Source {

    private static final String SSE_END = "data: [DONE]";

    private final HttpTransport transport;
    private final Body body = new Body();
    private final FrameReader reader;
    private final FrameDecoder decoder;
    private final BooleanSupplier done;
    private final Supplier<PartialResponse> partial;
    private final String endMarker;
    private HttpTransport.Exchange exchange;
    private final ArrayDeque<ChatEvent> pending = new ArrayDeque<>(4); // a frame gives 1 to 3 events, rarely more
    private final Consumer<ChatEvent> queue = pending::add;
    private volatile boolean cancelled;
    /** Whether a thread is inside {@link #next()}: only that thread may close the response then. */
    private volatile boolean reading;
    private boolean responseClosed;
    private boolean ended;

    /** Reads one frame from the body: an SSE data payload or an NDJSON line; null at the end. */
    private interface FrameReader {
        byte[] next() throws IOException;
    }

    /** Decodes one frame, passing its events on; throws as core's decoders do. */
    private interface FrameDecoder {
        void decode(byte[] frame, Consumer<ChatEvent> out);
    }

    /**
     * @param reader    builds the frame reader over the (not yet open) body
     * @param decoder   decodes one frame
     * @param done      whether the decoder saw the end marker
     * @param partial   what the decoder holds so far
     * @param endMarker the end marker's name for messages, e.g. {@code data: [DONE]}
     */
    private HttpEventSource(HttpTransport transport, Function<InputStream, FrameReader> reader,
            FrameDecoder decoder, BooleanSupplier done, Supplier<PartialResponse> partial,
            String endMarker) {
        this.transport = transport;
        this.reader = reader.apply(body);
        this.decoder = decoder;
        this.done = done;
        this.partial = partial;
        this.endMarker = endMarker;
    }

    /**
     * A {@code /v1/chat/completions} stream, not yet {@link #open opened}: server-sent events read
     * by core's {@link SseReader}, decoded by {@link OpenAiStreamDecoder}; ends at
     * {@code data: [DONE]}. {@code transport} types its I/O failures.
     */
    public static HttpEventSource chat(HttpTransport transport) {
        OpenAiStreamDecoder d = new OpenAiStreamDecoder();
        return new HttpEventSource(transport, in -> new SseReader(in)::nextData,
                (f, out) -> d.decode(f, 0, f.length, out), d::isDone, d::partial, SSE_END);
    }

    /**
     * A {@code /v1/completions} stream, not yet {@link #open opened}: server-sent events read by
     * core's {@link SseReader}, decoded by {@link CompletionStreamDecoder}; ends at
     * {@code data: [DONE]}.
     */
    public static HttpEventSource completion(HttpTransport transport) {
        CompletionStreamDecoder d = new CompletionStreamDecoder();
        return new HttpEventSource(transport, in -> new SseReader(in)::nextData,
                (f, out) -> d.decode(f, 0, f.length, out), d::isDone, d::partial, SSE_END);
    }

    /**
     * An Ollama {@code /api/chat} or {@code /api/generate} stream, not yet {@link #open opened}:
     * NDJSON lines read by core's {@link NdjsonReader}, decoded by {@link OllamaStreamDecoder};
     * ends at the {@code "done": true} line ({@code core/src/test/resources/reference/ollama-wire.md}
     * section 7.2; lines as in section 1).
     */
    public static HttpEventSource ollama(HttpTransport transport) {
        OllamaStreamDecoder d = new OllamaStreamDecoder();
        return new HttpEventSource(transport, in -> new NdjsonReader(in)::nextLine,
                (f, out) -> d.decode(f, 0, f.length, out), d::isDone, d::partial,
                "the \"done\": true line");
    }

    /**
     * Posts {@code json} to {@code url} through this source's transport and returns the stream over
     * the answer; this source (reader and decoder included) was made before the request goes out.
     *
     * @throws LlmException as {@link HttpTransport#postForStream} throws, typed by status
     * @throws IllegalStateException if already opened
     */
    public ChatStream post(HttpTransport.Target url, byte[] json) {
        ChatStream stream = ChatStream.of(this);
        open(transport.postForStream(url, json));
        return stream;
    }

    /**
     * Reads the stream from {@code exchange}; call once, before the first {@link #next()}.
     *
     * @param exchange a 2xx response whose body is the stream
     * @throws IllegalStateException if already opened
     */
    public void open(HttpTransport.Exchange exchange) {
        if (this.exchange != null) {
            throw new IllegalStateException("already opened");
        }
        body.in = exchange.response().body().source();
        this.exchange = exchange;
    }

    @Override
    public ChatEvent next() {
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
                if (done.getAsBoolean()) {
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
            frame = reader.next();
        } catch (IOException e) {
            if (cancelled) {
                end();
                return;
            }
            throw interrupted(transport.failure(e, "reading the stream"));
        }
        if (frame == null) {
            throw interrupted("the stream ended without " + endMarker, null);
        }
        try {
            decoder.decode(frame, queue);
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
        return new StreamInterruptedException(message, partial.get(), cause);
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
    public void cancel() {
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
