package dev.switchboard.server.fault;

/**
 * The server's registry of injected faults; thread-safe. A model-bound fault makes its model name
 * valid on the server even if the engine does not serve it (the engine answers as for its default
 * model).
 */
public final class Faults {

    /** Every request naming {@code model} gets {@code fault}, until {@link #clear()}. */
    public Faults forModel(String model, Fault fault) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The next chat request (of any model) gets {@code fault}; later ones do not. */
    public Faults forNextRequest(Fault fault) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Removes every registered fault. */
    public void clear() {
        throw new UnsupportedOperationException("not yet written");
    }
}
