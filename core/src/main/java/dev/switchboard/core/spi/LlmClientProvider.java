package dev.switchboard.core.spi;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;

/**
 * A style's entry point for {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.switchboard.core.spi.LlmClientProvider} of the style's jar.
 */
public interface LlmClientProvider {

    /** The style's name, e.g. {@code "raw-http"}, {@code "openai-java"}, {@code "langchain4j"}, {@code "spring-ai"}. */
    String styleName();

    /**
     * Creates a client for {@code endpoint}.
     *
     * @throws IllegalArgumentException if the endpoint cannot be served by this style
     */
    LlmClient create(Endpoint endpoint);
}
