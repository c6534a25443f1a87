package dev.switchboard.testkit.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.Capability;
import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.server.gguf.DemoModel;

/**
 * The last step of {@link EndpointResolution}: Switchboard's server on a loopback port with the
 * in-process {@link LlamaCppEngine}, on {@code LLM_MODEL_FILE} when set, else on the generated
 * {@link DemoModel} (<b>random weights — text is not meaningful</b>), written once into the
 * directory {@link #modelsDirectory()}.
 */
public final class InProcessLlama {

    /**
     * The default {@code max_tokens} for a model file the user gives: 256, enough for a real model's
     * short answer (the demo model's default is {@link DemoModel}'s own, 48).
     */
    public static final int USER_MODEL_MAX_TOKENS = 256;

    private InProcessLlama() {
    }

    /**
     * Whether {@code live} is the in-process engine on the generated demo model, which calls a
     * tool whenever a request offers tools and the user spoke last (its {@code tool_choice} rule,
     * see the server README), so a test may expect the call there.
     */
    public static boolean servesDemoModel(LiveEndpoint live) {
        return live.kind() == LiveEndpoint.Kind.IN_PROCESS_LLAMA_CPP
                && DemoModel.MODEL_NAME.equals(live.endpoint().chatModel());
    }

    /**
     * Where the demo model is written: the system property {@code switchboard.models} if set, else
     * {@code <java.io.tmpdir>/switchboard-models}. Generating it takes about a second; an existing
     * file of the same seed is reused.
     *
     * @return the directory (it may not exist yet)
     */
    public static Path modelsDirectory() {
        String configured = System.getProperty("switchboard.models");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "switchboard-models");
    }

    /**
     * Loads the model and starts the server on it.
     *
     * @param env the environment; {@code LLM_MODEL_FILE} names a GGUF file to serve instead of the demo model
     * @param log receives what was chosen and why
     * @param why the reason this step was reached, for the endpoint's description
     * @return the endpoint; closing it stops the server and frees the model
     * @throws ModelLoadException if the model cannot be loaded, or llama.cpp's native library cannot
     *                            load on this platform ({@link ModelLoadException#nativeLibraryUnavailable()});
     *                            the message says why and this JVM lives on
     */
    public static LiveEndpoint start(Map<String, String> env, Consumer<String> log, String why) {
        return start(env, log, why, LlamaCppEngine.Builder::build);
    }

    /**
     * As {@link #start(Map, Consumer, String)}, with the engine built by {@code engines} from the
     * builder chosen here (the default calls {@link LlamaCppEngine.Builder#build()}; a test passes one
     * that fails as a platform without the native library would).
     *
     * @param engines builds the engine from the chosen builder
     * @return the endpoint; closing it stops the server and frees the model
     * @throws ModelLoadException as {@link #start(Map, Consumer, String)}
     */
    public static LiveEndpoint start(Map<String, String> env, Consumer<String> log, String why,
            Function<LlamaCppEngine.Builder, LlamaCppEngine> engines) {
        String modelFile = env.get("LLM_MODEL_FILE");
        LlamaCppEngine engine;
        String what;
        if (modelFile != null && !modelFile.isBlank()) {
            log.accept("loading LLM_MODEL_FILE " + modelFile.trim() + " into the in-process llama.cpp engine");
            engine = engines.apply(LlamaCppEngine.builder(Path.of(modelFile.trim())).defaultMaxTokens(USER_MODEL_MAX_TOKENS));
            what = "LLM_MODEL_FILE " + modelFile.trim() + ", run in-process by llama.cpp";
        } else {
            Path directory = modelsDirectory();
            log.accept("generating the demo model in " + directory + " (" + DemoModel.NOTICE + ")");
            engine = engines.apply(LlamaCppEngine.demo(directory, DemoModel.DEFAULT_SEED));
            what = "the generated demo model, run in-process by llama.cpp — a real model with RANDOM WEIGHTS ("
                    + DemoModel.NOTICE + "). Set LLM_MODEL_FILE=/path/to/model.gguf, LLM_BASE_URL,"
                    + " or start Ollama for answers that mean something";
        }
        SwitchboardServer server;
        try {
            server = SwitchboardServer.start(engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        Endpoint endpoint = Endpoint.builder()
                .baseUrl(server.openAiBaseUrl())
                .chatModel(engine.modelName())
                .embeddingModel(engine.modelName())
                .readTimeout(Duration.ofMinutes(2))
                .build();
        Capabilities capabilities = Capabilities.all();
        LiveEndpoint live = new LiveEndpoint(endpoint, LiveEndpoint.Kind.IN_PROCESS_LLAMA_CPP,
                why + "; serving " + what, capabilities, true, server);
        log.accept("endpoint: " + live.describe());
        return live;
    }
}
