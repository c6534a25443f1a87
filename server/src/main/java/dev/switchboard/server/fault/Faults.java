package dev.switchboard.server.fault;

import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The server's registry of injected faults; thread-safe. A model-bound fault makes its model name
 * valid on the server even if the engine does not serve it (the engine answers as for its default
 * model).
 *
 * <p>Which fault a request gets: a pending {@link #forNextRequest next-request} fault first (taken,
 * so it fires once), else the fault bound to the request's model. Chat requests on both wires
 * ({@code /v1/chat/completions}, {@code /api/chat}, {@code /api/generate}) take every kind;
 * embedding requests ({@code /v1/embeddings}, {@code /api/embed}) take only {@link Fault.Status}
 * faults, and leave a pending stream fault for the next chat request.
 */
public final class Faults {

    private final Map<String, Fault> byModel = new ConcurrentHashMap<>();
    private final Queue<Fault> next = new ConcurrentLinkedQueue<>();

    /** Creates an empty registry; the server makes one of its own, reached through its {@code faults()}. */
    public Faults() {
    }

    /**
     * Every request naming {@code model} gets {@code fault}, until {@link #clear()}; a later call for
     * the same model replaces it.
     *
     * @return this registry
     * @throws NullPointerException if an argument is null
     */
    public Faults forModel(String model, Fault fault) {
        byModel.put(Objects.requireNonNull(model, "model"), Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /**
     * The next chat request (of any model) gets {@code fault}; later ones do not. Called twice, the
     * next two requests get one each, in order. A {@link Fault.Status} at the head of the queue may
     * also be taken by an embeddings request. The fault is taken once a request's body has been
     * parsed, before the engine sees it: a malformed body leaves it queued, a request the engine
     * then refuses (an unknown model) uses it up.
     *
     * @return this registry
     * @throws NullPointerException if {@code fault} is null
     */
    public Faults forNextRequest(Fault fault) {
        next.add(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Removes every registered fault. */
    public void clear() {
        byModel.clear();
        next.clear();
    }

    /**
     * Whether {@code model} has a fault bound to it (so the server accepts the name even if the
     * engine does not serve it).
     *
     * @param model a request's model, may be null (then false)
     */
    public boolean isFaultModel(String model) {
        return model != null && byModel.containsKey(model);
    }

    /**
     * Takes the fault for one chat request: a pending next-request fault (removed), else the one
     * bound to {@code model}, else null. Called by the server once per chat request.
     *
     * @param model the request's model as sent, may be null
     */
    public Fault claimForChat(String model) {
        Fault pending = next.poll();
        if (pending != null) {
            return pending;
        }
        return model == null ? null : byModel.get(model);
    }

    /**
     * Takes the fault for one embeddings request: a pending next-request {@link Fault.Status}
     * (removed), else a {@link Fault.Status} bound to {@code model}, else null. Other kinds never
     * apply to embeddings and stay registered.
     *
     * @param model the request's model as sent, may be null
     */
    public Fault.Status claimForEmbeddings(String model) {
        Fault pending = next.peek();
        if (pending instanceof Fault.Status && next.remove(pending)) {
            return (Fault.Status) pending;
        }
        Fault bound = model == null ? null : byModel.get(model);
        return bound instanceof Fault.Status ? (Fault.Status) bound : null;
    }
}
