package dev.switchboard.server.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

/**
 * Makes sure a server never stays alive but deaf (issue 16, finding 1). An {@link Error} thrown in
 * a Netty loop's I/O step (an {@link OutOfMemoryError} while accepting, say) ends that loop's thread,
 * and Netty then neither accepts nor answers on its sockets, while the kernel still completes every
 * client's handshake. This watch checks each Vert.x event-loop and acceptor thread four times a
 * second, and hears every throwable Vert.x reports from a handler; once a thread has died, or a
 * {@link VirtualMachineError} reached Vert.x, it logs the failure at ERROR, closes the listening
 * sockets (so clients are refused instead of left waiting), closes the server and calls the
 * fatal handler. Other throwables from handlers are logged at ERROR and the server carries on.
 */
public final class FatalErrorWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FatalErrorWatch.class);
    private static final long PERIOD_MS = 250;

    private final Vertx vertx;
    private final String server;
    private final Runnable closeServer;
    private final Consumer<Throwable> onFatal;
    private final List<?> listeners;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ScheduledExecutorService timer;

    /**
     * @param server      how the log names the server ({@code host:port})
     * @param closeServer closes the server; run on a thread of its own
     * @param onFatal     the user's handler, or null
     * @param listeners   the server's Vert.x {@code HttpServer}s, whose listening sockets a dead loop leaves open
     */
    public FatalErrorWatch(Vertx vertx, String server, Runnable closeServer, Consumer<Throwable> onFatal,
            List<?> listeners) {
        this.listeners = listeners;
        this.vertx = vertx;
        this.server = server;
        this.closeServer = closeServer;
        this.onFatal = onFatal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-watch-" + server);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching. */
    public void start() {
        vertx.exceptionHandler(this::uncaught);
        timer.scheduleWithFixedDelay(this::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Stops watching (the server is closing on purpose); idempotent. */
    @Override
    public void close() {
        stopped.set(true);
        timer.shutdownNow();
    }

    private void uncaught(Throwable error) {
        if (error instanceof VirtualMachineError) {
            fatal(error, null);
        } else {
            LOG.error("server {}: a handler threw; the server carries on", server, error);
        }
    }

    private void check() {
        if (stopped.get()) {
            return;
        }
        VertxInternal internal = (VertxInternal) vertx;
        for (EventLoopGroup group : List.of(internal.acceptorEventLoopGroup(), internal.nettyEventLoopGroup())) {
            for (EventExecutor executor : group) {
                if (executor.isShuttingDown()) {
                    fatal(new IllegalStateException("a Vert.x event-loop thread died (" + executor
                            + "); the error that killed it is logged above by Netty"), executor);
                    return;
                }
            }
        }
    }

    private void fatal(Throwable error, EventExecutor dead) {
        if (stopped.get() || !fired.compareAndSet(false, true)) {
            return;
        }
        LOG.error("server {} cannot serve any more: {}. Closing it so that clients are refused instead of left"
                + " waiting; restart it", server, error.toString(), error);
        if (dead != null) {
            closeListeners();
        }
        Thread closer = new Thread(() -> {
            try {
                closeServer.run();
            } finally {
                // Vert.x's close cannot finish what the dead loop held: end every loop thread outright
                VertxInternal internal = (VertxInternal) vertx;
                internal.acceptorEventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
                internal.nettyEventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
                if (onFatal != null) {
                    onFatal.accept(error);
                }
            }
        }, "switchboard-fatal-" + server);
        closer.setDaemon(true);
        closer.start();
    }

    /**
     * A dead loop closes nothing itself, and its selector is gone, so its listening socket stays
     * open and the kernel keeps completing handshakes nobody will serve: close the JDK channel under
     * each of the server's Netty server channels. Reflection, since neither Vert.x nor Netty offers
     * a way from another thread; failures are logged, and the server's own close follows anyway.
     */
    private void closeListeners() {
        try {
            List<java.nio.channels.NetworkChannel> found = new ArrayList<>();
            for (Object root : listeners) {
                collect(root, 0, found, new IdentityHashMap<>());
            }
            for (java.nio.channels.NetworkChannel channel : found) {
                try {
                    channel.close();
                } catch (Exception e) {
                    LOG.debug("closing {} failed", channel, e);
                }
            }
            LOG.error("server {}: closed {} listening socket(s)", server, found.size());
        } catch (Exception | LinkageError e) {
            LOG.warn("server {}: could not close its listening sockets", server, e);
        }
    }

    /** Walks Vert.x's server objects down to the JDK server channels (at most six fields deep). */
    private static void collect(Object o, int depth, List<java.nio.channels.NetworkChannel> found,
            Map<Object, Boolean> seen) throws IllegalAccessException {
        if (o == null || depth > 6 || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof java.nio.channels.ServerSocketChannel) {
            found.add((java.nio.channels.NetworkChannel) o);
            return;
        }
        String name = o.getClass().getName();
        if (!(name.startsWith("io.vertx.core.net.impl.") || name.startsWith("io.vertx.core.http.impl.")
                || name.startsWith("io.vertx.core.impl.future.") || name.startsWith("io.netty.channel.socket.")
                || name.startsWith("io.netty.channel.Abstract"))) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType().isPrimitive() || java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                } catch (RuntimeException inaccessible) {
                    continue;
                }
                collect(f.get(o), depth + 1, found, seen);
            }
        }
    }
}
