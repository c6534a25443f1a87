package dev.switchboard.testkit.live;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that hands a test a real endpoint: {@link LiveEndpoint} parameters are
 * resolved once per test run through {@link EndpointResolution} (which says on standard output
 * which endpoint it chose and why) and closed when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(LiveEndpointExtension.class)
 * class MyLiveTest {
 *     @Test
 *     void answers(LiveEndpoint live) {
 *         Endpoint endpoint = live.endpoint();   // a real model: assert facts, not exact text
 *     }
 * }
 * }</pre>
 *
 * <p>If the resolution fails (an Ollama that cannot pull the model, a model file that cannot be
 * loaded) every test asking for the endpoint fails with that reason; the resolution is not retried
 * for each test.
 */
public final class LiveEndpointExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            LiveEndpointExtension.class);

    /** Used by JUnit through {@code @ExtendWith}; holds no state of its own. */
    public LiveEndpointExtension() {
    }

    /** True for parameters of type {@link LiveEndpoint}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LiveEndpoint.class;
    }

    /** The run's live endpoint, resolved on first use. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // The root store closes AutoCloseable values when the run ends.
        return extensionContext.getRoot().getStore(NAMESPACE).computeIfAbsent(LiveEndpoint.class, type -> {
            try {
                return EndpointResolution.resolve();
            } catch (IOException e) {
                throw new UncheckedIOException("no live endpoint: " + e.getMessage(), e);
            }
        }, LiveEndpoint.class);
    }
}
