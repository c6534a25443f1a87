package dev.switchboard.benchmarks;

/** One way of reading the benchmark stream to its end. */
public interface StreamReader extends AutoCloseable {

    /**
     * Requests the stream and reads it to the end.
     *
     * @param firstDelta receives {@link System#nanoTime()} when the first content delta reaches user code
     * @return the number of content deltas decoded
     * @throws Exception on any failure
     */
    long read(FirstDelta firstDelta) throws Exception;

    /** Releases the reader's connections. */
    @Override
    void close();

    /** A callback for the moment the first delta arrives. */
    @FunctionalInterface
    interface FirstDelta {
        /** Called once per stream with {@link System#nanoTime()}. */
        void at(long nanoTime);

        /** Ignores the moment. */
        FirstDelta IGNORE = nanoTime -> {
        };
    }
}
