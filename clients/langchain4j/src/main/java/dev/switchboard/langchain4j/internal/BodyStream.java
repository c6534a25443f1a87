package dev.switchboard.langchain4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A response body as an {@link InputStream}, for {@code java.net.http}: the JDK's own
 * {@code BodySubscribers.ofInputStream()} throws a connection failure as soon as it is signalled,
 * dropping bytes that had arrived before it but were not read yet, so a stream cut by the server
 * lost its last chunks at random. Here the failure is queued behind the data: every byte that arrived
 * is read, then the failure is thrown.
 *
 * <p>Before it blocks for the next buffer list it runs {@code idle} on the reading thread: the
 * parser reading it has been handed every byte received so far ({@link Exchange#idle()}).
 *
 * <p>Bounded: one buffer list is requested at a time, and the next only once the reader took the
 * previous one. {@link #close()}, from any thread, cancels the subscription (which closes the
 * connection) and wakes a reader blocked in {@code read}.
 */
final class BodyStream extends InputStream implements java.net.http.HttpResponse.BodySubscriber<InputStream> {

    private static final Object END = new Object();
    private static final Object CLOSED = new Object();

    private final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private final Runnable idle;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;

    /** @param idle run before each wait for bytes from the network, on the reading thread */
    BodyStream(Runnable idle) {
        this.idle = idle;
    }

    /** A body stream with nothing to run when it waits. */
    BodyStream() {
        this(() -> { });
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        items.offer(item);
    }

    @Override
    public void onError(Throwable throwable) {
        items.offer(throwable);
    }

    @Override
    public void onComplete() {
        items.offer(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    /** Makes {@code current} non-empty; false at the end of the body. */
    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (closed) {
                throw new IOException("the response body was closed");
            }
            if (buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            if (ended) {
                return false;
            }
            Object item = items.poll();
            try {
                if (item == null) {
                    idle.run();
                    item = items.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the response body");
            }
            if (item == END) {
                ended = true;
            } else if (item == CLOSED) {
                throw new IOException("the response body was closed");
            } else if (item instanceof Throwable failure) {
                ended = true;
                throw failure instanceof IOException io ? io : new IOException(failure);
            } else {
                @SuppressWarnings("unchecked")
                List<ByteBuffer> list = (List<ByteBuffer>) item;
                buffers = list.iterator();
                subscription.request(1);
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        items.offer(CLOSED);
    }
}
