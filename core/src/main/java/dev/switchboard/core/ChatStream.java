package dev.switchboard.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.switchboard.core.error.LlmException;

/**
 * A streaming chat answer that the caller pulls, one {@link ChatEvent} at a time.
 *
 * <pre>{@code
 * try (ChatStream stream = client.stream(request)) {
 *     for (ChatEvent event : stream) {
 *         if (event instanceof ChatEvent.TextDelta delta) {
 *             System.out.print(delta.text());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Contract:
 * <ul>
 *   <li><b>Single use.</b> {@link #iterator()}, {@link #stream()} and {@link #collect()} may be
 *       called once between them; a second call throws {@link IllegalStateException}.</li>
 *   <li><b>Errors surface on the caller's thread</b>, from {@code hasNext()}/{@code next()}, as
 *       {@link LlmException} subclasses; a stream that breaks after it began throws
 *       {@link dev.switchboard.core.error.StreamInterruptedException} carrying what arrived.</li>
 *   <li><b>Closing cancels.</b> {@link #close()} before the end cancels the HTTP exchange and
 *       releases the connection; it is idempotent, never throws, and may be called from another
 *       thread to abort a blocked read. Always close, best with try-with-resources.</li>
 * </ul>
 *
 * <p>Adapters create a stream with {@link #of(Source)} over their own pull {@link Source}; callback,
 * {@code Flow.Publisher} or Reactor views are thin layers over this one class.
 */
public final class ChatStream implements Iterable<ChatEvent>, AutoCloseable {

    /**
     * Where a {@link ChatStream}'s events come from: the one thing a style implements.
     * Implementations need not be thread-safe except for {@link #cancel()}.
     */
    public interface Source {
        /**
         * Blocks until the next event is decoded.
         *
         * @return the next event, or null after the last one (after {@link ChatEvent.Finish} and
         *         any trailing usage, once the server's end marker arrived)
         * @throws LlmException for any failure, typed as documented on {@link LlmException}
         */
        ChatEvent next();

        /**
         * Cancels the exchange and releases its connection. Called at most once per stream by
         * {@link ChatStream#close()}, possibly from another thread while {@link #next()} blocks;
         * must not throw.
         */
        void cancel();
    }

    private final Source source;
    private boolean consumed;
    private volatile boolean closed;
    private boolean exhausted;

    private ChatStream(Source source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Wraps a style's event source. */
    public static ChatStream of(Source source) {
        return new ChatStream(source);
    }

    /**
     * Returns the one iterator over this stream's events.
     *
     * @throws IllegalStateException if the stream was already iterated, streamed or collected, or
     *                               is closed
     */
    @Override
    public Iterator<ChatEvent> iterator() {
        claim();
        return new Iterator<>() {
            private ChatEvent next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                if (closed) {
                    throw new IllegalStateException("the stream was closed");
                }
                next = source.next();
                if (next == null) {
                    exhausted = true;
                    return false;
                }
                return true;
            }

            @Override
            public ChatEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ChatEvent event = next;
                next = null;
                return event;
            }
        };
    }

    /**
     * Returns the events as a sequential {@link Stream}; closing that stream closes this one.
     *
     * @throws IllegalStateException as {@link #iterator()}
     */
    public Stream<ChatEvent> stream() {
        Iterator<ChatEvent> it = iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /**
     * Reads the stream to its end, passing each event to {@code onEvent} (e.g. to print text as it
     * arrives), then closes it and returns the assembled answer.
     *
     * @param onEvent called on this thread for every event; may be a no-op
     * @return the answer, as {@link LlmClient#chat} would have returned it (id and model null)
     * @throws IllegalStateException as {@link #iterator()}
     * @throws LlmException          as {@link Source#next()}
     */
    public ChatResponse collect(Consumer<? super ChatEvent> onEvent) {
        ChatAccumulator accumulator = new ChatAccumulator();
        try {
            for (ChatEvent event : this) {
                onEvent.accept(event);
                accumulator.accept(event);
            }
        } finally {
            close();
        }
        return accumulator.toResponse(null, null);
    }

    /** Same as {@link #collect(Consumer)} with no per-event action. */
    public ChatResponse collect() {
        return collect(event -> {
        });
    }

    /** Whether the end was reached: every event was delivered and the exchange completed. */
    public boolean isExhausted() {
        return exhausted;
    }

    /**
     * Cancels the exchange if it is still running and releases the connection. Idempotent; never
     * throws; safe from any thread.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!exhausted) {
            source.cancel();
        }
    }

    private synchronized void claim() {
        if (closed) {
            throw new IllegalStateException("the stream was closed");
        }
        if (consumed) {
            throw new IllegalStateException("a ChatStream can be read only once");
        }
        consumed = true;
    }
}
