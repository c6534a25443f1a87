package dev.switchboard.server.internal.llama;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.switchboard.server.engine.EngineException;

/**
 * The llama.cpp engine's one-at-a-time queue: one daemon engine thread runs every job that
 * touches the native model, in order, never interleaved. Up to {@code capacity} jobs wait behind
 * the running one; beyond that a job is refused with 503 and {@code Retry-After}. Once closed,
 * every job is refused with 503 ({@code the llama.cpp engine is closed}). Thread-safe.
 */
public final class EngineQueue {

    private final ExecutorService worker;
    private final int capacity;
    private final Duration retryAfter;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts the engine thread.
     *
     * @param threadName the engine thread's name
     * @param capacity   how many jobs may wait behind the running one, 0 or more
     * @param retryAfter the {@code Retry-After} of a 503 for a full queue
     */
    public EngineQueue(String threadName, int capacity, Duration retryAfter) {
        this.capacity = capacity;
        this.retryAfter = retryAfter;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code job} on the engine thread ahead of the queue's accounting (it is not counted
     * against the capacity) and waits for its result: for loading the model before any request.
     *
     * @throws ExecutionException   with what {@code job} threw as the cause
     * @throws InterruptedException if interrupted while waiting
     */
    public <T> T runFirst(Callable<T> job) throws ExecutionException, InterruptedException {
        return worker.submit(job).get();
    }

    /** Stops the engine thread at once, for a model that failed to load; jobs not started are dropped. */
    public void abort() {
        worker.shutdownNow();
    }

    /** Whether {@link #markClosed()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Marks the queue closed, refusing new jobs; returns false if it already was. */
    public boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /**
     * After {@link #markClosed()}: runs {@code last} on the engine thread once the jobs already
     * queued have run (skipped if the thread has already stopped), stops the thread and waits up
     * to 10 s for it. An interrupt while waiting ends the wait and keeps the interrupt status.
     */
    public void shutdown(Runnable last) {
        try {
            worker.execute(last);
        } catch (RejectedExecutionException alreadyStopped) {
            // nothing to free
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Queues {@code job} for the engine thread. The job gets a {@code release} that frees its place
     * in the queue; it may call it early (before telling its caller it has ended), and it is called
     * anyway when the job returns.
     *
     * @throws EngineException 503 if the queue is closed, or full ({@code one request is running and
     *                         <capacity> are waiting}, with {@code Retry-After})
     */
    public void submit(Consumer<Runnable> job) {
        if (closed.get()) {
            throw closedException();
        }
        if (pending.incrementAndGet() > 1 + capacity) {
            pending.decrementAndGet();
            throw new EngineException(503, "the llama.cpp engine is busy: one request is running and "
                    + capacity + " are waiting; retry later", retryAfter);
        }
        try {
            worker.execute(() -> {
                AtomicBoolean released = new AtomicBoolean();
                Runnable release = () -> {
                    if (released.compareAndSet(false, true)) {
                        pending.decrementAndGet();
                    }
                };
                try {
                    job.accept(release);
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            throw closedException();
        }
    }

    /**
     * Runs {@code job} on the engine thread in its turn and waits for its result.
     *
     * @throws EngineException 503 if the queue is closed or full, or if interrupted while waiting;
     *                         an {@link EngineException} the job threw, as it is; 500
     *                         ({@code llama.cpp failed: ...}) for any other exception
     */
    public <T> T call(Callable<T> job) {
        @SuppressWarnings("unchecked")
        T[] result = (T[]) new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        CountDownLatch done = new CountDownLatch(1);
        submit(release -> {
            try {
                if (closed.get()) {
                    throw closedException();
                }
                result[0] = job.call();
            } catch (RuntimeException e) {
                failure[0] = e;
            } catch (Exception e) {
                failure[0] = new EngineException(500, "llama.cpp failed: " + e);
            } finally {
                release.run();
                done.countDown();
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(503, "interrupted while waiting for the llama.cpp engine");
        }
        if (failure[0] instanceof EngineException e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new EngineException(500, "llama.cpp failed: " + failure[0].getMessage());
        }
        return result[0];
    }

    /** The 503 for a job that comes after {@link #markClosed()}. */
    public static EngineException closedException() {
        return new EngineException(503, "the llama.cpp engine is closed");
    }
}
