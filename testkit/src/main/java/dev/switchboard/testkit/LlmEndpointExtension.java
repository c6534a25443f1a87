package dev.switchboard.testkit;

import java.lang.reflect.Parameter;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * A JUnit extension that hands a test a ready {@link Endpoint} backed by Switchboard's embedded
 * server on the {@link ScriptedEngine}, so a test of your own client code needs no Ollama, no
 * network and no model.
 *
 * <pre>{@code
 * @ExtendWith(LlmEndpointExtension.class)
 * class MyClientTest {
 *     @Test
 *     void answers(Endpoint endpoint) {
 *         // endpoint.baseUrl() is http://127.0.0.1:<port>/v1, chatModel "scripted",
 *         // embeddingModel "scripted-embed"; "Hello" is answered "You said: Hello"
 *     }
 *
 *     @Test
 *     void survivesA503(Endpoint endpoint, SwitchboardServer server) {
 *         server.faults().forNextRequest(new Fault.Status(503, "loading model", null));
 *         // ...
 *     }
 * }
 * }</pre>
 *
 * <p>Parameters it resolves, in test methods, lifecycle methods and constructors:
 * <ul>
 *   <li>{@link Endpoint}: {@link #endpointFor(SwitchboardServer)} of the shared server;</li>
 *   <li>{@link SwitchboardServer}: the server itself, for {@link SwitchboardServer#faults()} and
 *       {@link SwitchboardServer#stats()}.</li>
 * </ul>
 *
 * <p>One server serves the whole test run (started on first use on a free loopback port, one
 * word per chunk, no delay; closed when the run ends). Before each test the extension clears
 * every registered fault, so faults never leak from one test to the next; {@code stats()} are
 * counters over the run, so compare them before and after. Tests sharing the server must not
 * run in parallel with each other if they register faults with
 * {@link dev.switchboard.server.fault.Faults#forNextRequest}.
 *
 * <p>The real engines (Testcontainers Ollama, in-process llama.cpp) come with their own
 * fixtures; see the project README.
 */
public final class LlmEndpointExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            LlmEndpointExtension.class);

    /** Used by JUnit through {@code @ExtendWith}; holds no state of its own. */
    public LlmEndpointExtension() {
    }

    /**
     * The endpoint a client should use for {@code server}: base URL {@link SwitchboardServer#openAiBaseUrl()},
     * no API key (the server checks none), chat model {@value ScriptedEngine#MODEL}, embedding
     * model {@value ScriptedEngine#EMBEDDING_MODEL}, read timeout 10 s (the scripted answers take
     * milliseconds; a hang fails fast), no retries (a retry would hide an injected fault).
     */
    public static Endpoint endpointFor(SwitchboardServer server) {
        return Endpoint.builder()
                .baseUrl(server.openAiBaseUrl())
                .chatModel(ScriptedEngine.MODEL)
                .embeddingModel(ScriptedEngine.EMBEDDING_MODEL)
                .readTimeout(java.time.Duration.ofSeconds(10))
                .maxRetries(0)
                .build();
    }

    /** Clears the faults registered by an earlier test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).faults().clear();
    }

    /** True for parameters of type {@link Endpoint} or {@link SwitchboardServer}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Endpoint.class || type == SwitchboardServer.class;
    }

    /** The shared server or its endpoint, starting the server on first use. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        SwitchboardServer server = server(extensionContext);
        return parameter.getType() == SwitchboardServer.class ? server : endpointFor(server);
    }

    private static SwitchboardServer server(ExtensionContext context) {
        // The root store closes AutoCloseable values when the run ends.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SwitchboardServer.class,
                type -> SwitchboardServer.start(new ScriptedEngine()), SwitchboardServer.class);
    }
}
