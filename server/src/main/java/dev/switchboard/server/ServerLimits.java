package dev.switchboard.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one server lets its clients hold, and for how long: the bounds that keep a hostile or
 * careless client from exhausting it. Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <table>
 * <caption>The limits and their defaults</caption>
 * <tr><th>limit</th><th>default</th><th>beyond it</th></tr>
 * <tr><td>{@link #headerTimeout()}</td><td>10 s</td><td>a connection whose request line and headers have
 * not all arrived in this time after it opened (or after its previous response ended) is closed</td></tr>
 * <tr><td>{@link #bodyTimeout()}</td><td>60 s</td><td>a request body not wholly received in this time after
 * its headers (shorter than its {@code Content-Length}, chunked without its last chunk, or just slow) is
 * answered 408 and the connection closed</td></tr>
 * <tr><td>{@link #idleTimeout()}</td><td>5 min</td><td>a connection on which nothing is read or written for
 * this long is closed, streams included; {@link Duration#ZERO} for none</td></tr>
 * <tr><td>{@link #writeStallTimeout()}</td><td>30 s</td><td>a response whose client reads nothing while the
 * server's write queue to it is full for this long is dropped (connection closed, engine call
 * cancelled)</td></tr>
 * <tr><td>{@link #maxConnections()}</td><td>4,096</td><td>a request on a connection past the cap is answered
 * 503 with {@code Retry-After} and the connection closed</td></tr>
 * <tr><td>{@link #maxStreams()}</td><td>2,048</td><td>a chat request (streaming or not) past the cap of
 * concurrent chat answers is answered 503 with {@code Retry-After}</td></tr>
 * <tr><td>{@link #retryAfter()}</td><td>1 s</td><td>the {@code Retry-After} of those 503s, in whole seconds
 * rounded up</td></tr>
 * </table>
 *
 * <p>A timeout's connection is closed without a response where HTTP gives no place for one (the
 * request head never arrived); a request whose head arrived gets its status first.
 */
public final class ServerLimits {

    private static final ServerLimits DEFAULTS = builder().build();

    private final Duration headerTimeout;
    private final Duration bodyTimeout;
    private final Duration idleTimeout;
    private final Duration writeStallTimeout;
    private final int maxConnections;
    private final int maxStreams;
    private final Duration retryAfter;

    private ServerLimits(Builder b) {
        this.headerTimeout = b.headerTimeout;
        this.bodyTimeout = b.bodyTimeout;
        this.idleTimeout = b.idleTimeout;
        this.writeStallTimeout = b.writeStallTimeout;
        this.maxConnections = b.maxConnections;
        this.maxStreams = b.maxStreams;
        this.retryAfter = b.retryAfter;
    }

    /** The defaults in the class comment's table. */
    public static ServerLimits defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these limits. */
    public Builder toBuilder() {
        return builder().headerTimeout(headerTimeout).bodyTimeout(bodyTimeout).idleTimeout(idleTimeout)
                .writeStallTimeout(writeStallTimeout).maxConnections(maxConnections).maxStreams(maxStreams)
                .retryAfter(retryAfter);
    }

    /** Time allowed for a request's line and headers; positive. */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /** Time allowed for a request's whole body after its headers; positive. */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    /** Time a connection may carry nothing either way; zero for no limit. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Time a response may wait on a client that reads nothing; positive. */
    public Duration writeStallTimeout() {
        return writeStallTimeout;
    }

    /** Open connections served at once; 1 or more. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Chat answers (streaming or not) running at once; 1 or more. */
    public int maxStreams() {
        return maxStreams;
    }

    /** The {@code Retry-After} of a 503 past a cap; zero or more. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String toString() {
        return "ServerLimits[headerTimeout=" + headerTimeout + ", bodyTimeout=" + bodyTimeout + ", idleTimeout="
                + idleTimeout + ", writeStallTimeout=" + writeStallTimeout + ", maxConnections=" + maxConnections
                + ", maxStreams=" + maxStreams + ", retryAfter=" + retryAfter + "]";
    }

    /** Builds {@link ServerLimits}; every setter states its range and throws outside it. */
    public static final class Builder {
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration bodyTimeout = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofMinutes(5);
        private Duration writeStallTimeout = Duration.ofSeconds(30);
        private int maxConnections = 4_096;
        private int maxStreams = 2_048;
        private Duration retryAfter = Duration.ofSeconds(1);

        private Builder() {
        }

        /** @throws IllegalArgumentException if null, zero or negative */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = positive("headerTimeout", timeout);
            return this;
        }

        /** @throws IllegalArgumentException if null, zero or negative */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = positive("bodyTimeout", timeout);
            return this;
        }

        /**
         * Rounded up to whole seconds (Vert.x's unit here); zero for none.
         *
         * @throws IllegalArgumentException if null or negative
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout must be zero or positive, was " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /** @throws IllegalArgumentException if null, zero or negative */
        public Builder writeStallTimeout(Duration timeout) {
            this.writeStallTimeout = positive("writeStallTimeout", timeout);
            return this;
        }

        /** @throws IllegalArgumentException if below 1 */
        public Builder maxConnections(int max) {
            this.maxConnections = atLeastOne("maxConnections", max);
            return this;
        }

        /** @throws IllegalArgumentException if below 1 */
        public Builder maxStreams(int max) {
            this.maxStreams = atLeastOne("maxStreams", max);
            return this;
        }

        /** @throws IllegalArgumentException if null or negative */
        public Builder retryAfter(Duration retryAfter) {
            if (retryAfter == null || retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must be zero or positive, was " + retryAfter);
            }
            this.retryAfter = retryAfter;
            return this;
        }

        /** The limits. */
        public ServerLimits build() {
            return new ServerLimits(this);
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        private static int atLeastOne(String name, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be 1 or more, was " + n);
            }
            return n;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerLimits && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
