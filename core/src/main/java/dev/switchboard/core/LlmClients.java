package dev.switchboard.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import dev.switchboard.core.spi.LlmClientProvider;

/**
 * Finds styles by name through {@link ServiceLoader}, so switching style is a dependency change:
 * {@code LlmClients.create("raw-http", Endpoint.fromEnvironment())}.
 */
public final class LlmClients {

    private LlmClients() {
    }

    /**
     * Creates a client of the named style.
     *
     * @param style    a style name, e.g. {@code "raw-http"}
     * @param endpoint where to connect
     * @throws IllegalArgumentException if no style of that name is on the class path; the message
     *                                  lists the styles that are
     */
    public static LlmClient create(String style, Endpoint endpoint) {
        for (LlmClientProvider provider : ServiceLoader.load(LlmClientProvider.class)) {
            if (provider.styleName().equals(style)) {
                return provider.create(endpoint);
            }
        }
        throw new IllegalArgumentException("no LlmClient style named '" + style + "' on the class path; available: "
                + availableStyles());
    }

    /** The names of the styles on the class path, in ServiceLoader order. */
    public static List<String> availableStyles() {
        List<String> names = new ArrayList<>();
        for (LlmClientProvider provider : ServiceLoader.load(LlmClientProvider.class)) {
            names.add(provider.styleName());
        }
        return names;
    }
}
