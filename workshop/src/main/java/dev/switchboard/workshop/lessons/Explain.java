package dev.switchboard.workshop.lessons;

import java.net.ConnectException;
import java.util.Locale;

/**
 * Turns what a learner's code threw into a sentence a learner can act on, for the checks to use.
 * Recognises a {@link Gap}, Switchboard's typed errors by name, and the common shapes of the other
 * libraries' messages (an HTTP status in the text, a refused connection).
 */
public final class Explain {

    private Explain() {
    }

    /**
     * One sentence for {@code thrown}.
     *
     * @param thrown what the learner's code threw (a wrapper's cause is looked at too)
     * @return e.g. {@code "not done yet: read each data: line"}, or
     *         {@code "the server answered 401: the API key is missing or wrong (local servers accept any key, but send one)"}
     */
    public static String exception(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Gap) {
                return "not done yet: " + t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "nothing is listening at the base URL (" + t.getMessage()
                        + "): start the server, or check the URL and its /v1";
            }
        }
        String text = String.valueOf(thrown.getMessage()).toLowerCase(Locale.ROOT);
        String name = thrown.getClass().getSimpleName();
        if (name.startsWith("Authentication") || text.contains("401") || text.contains("403")) {
            return "the server refused the API key (401/403): send 'Authorization: Bearer <key>'; "
                    + "local servers accept any key, e.g. no-key-required (" + thrown.getMessage() + ")";
        }
        if (name.startsWith("ModelNotFound") || text.contains("404")) {
            return "the server does not know that model or route (404): check the model name (ollama list) "
                    + "and that the URL ends in /v1 (" + thrown.getMessage() + ")";
        }
        if (text.contains("connection refused") || text.contains("failed to connect")) {
            return "nothing is listening at the base URL: start the server, or check the URL ("
                    + thrown.getMessage() + ")";
        }
        return name + ": " + thrown.getMessage();
    }
}
