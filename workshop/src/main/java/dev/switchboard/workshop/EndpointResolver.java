package dev.switchboard.workshop;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.wire.OllamaWire;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.gguf.DemoModel;

/**
 * Finds the endpoint for the tour, in order:
 * <ol>
 *   <li>{@code LLM_BASE_URL} if set;</li>
 *   <li>else a local Ollama if one answers at {@code http://localhost:11434};</li>
 *   <li>else the embedded server running a real model in-process (llama.cpp): the GGUF file
 *       {@code LLM_MODEL_FILE} if set, else the generated demo model, labelled as having random
 *       weights whose text is not meaningful;</li>
 *   <li>else, only if llama.cpp's native library cannot load on this platform, the embedded server
 *       on the scripted engine, labelled as a scripted offline demo.</li>
 * </ol>
 * It prints which one it chose and why.
 */
public final class EndpointResolver {

    /** Where a local Ollama listens by default. */
    public static final String LOCAL_OLLAMA = "http://localhost:11434";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    /** Pause between the scripted engine's chunks, so streaming is visible to a reader. */
    public static final Duration SCRIPTED_CHUNK_DELAY = Duration.ofMillis(40);
    /** Why the in-process engine's row shows the agent loop as not supported. */
    static final String NO_TOOLS = "the in-process llama.cpp engine has no tool calling (it renders plain chat"
            + " with the model's template)";

    private EndpointResolver() {
    }

    /**
     * Resolves the endpoint, printing which one was chosen and why.
     *
     * @param env the environment ({@code System.getenv()})
     * @param out where to explain the choice
     * @param scriptedChunkDelay the pause between chunks if the embedded scripted server is used
     * @return the endpoint; close it after the tour (it may own the embedded server)
     * @throws ModelLoadException if {@code LLM_MODEL_FILE} names a model that cannot be loaded
     */
    public static TourEndpoint resolve(Map<String, String> env, PrintStream out, Duration scriptedChunkDelay) {
        return resolve(env, out, scriptedChunkDelay, EndpointResolver::loadEngine);
    }

    /**
     * As {@link #resolve(Map, PrintStream, Duration)}, with the in-process engine built by
     * {@code engines} from the builder the resolver chose (tests pass one that fails).
     */
    static TourEndpoint resolve(Map<String, String> env, PrintStream out, Duration scriptedChunkDelay,
            Function<LlamaCppEngine.Builder, LlamaCppEngine> engines) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        String baseUrl = env.get("LLM_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            Endpoint endpoint = Endpoint.fromEnvironment(env);
            boolean ollama = isOllama(http, endpoint.rootUrl());
            return new TourEndpoint(endpoint, "LLM_BASE_URL " + endpoint.baseUrl()
                    + (ollama ? " (an Ollama)" : ""), ollama, null);
        }
        if (isOllama(http, LOCAL_OLLAMA)) {
            Endpoint endpoint = Endpoint.fromEnvironment(env);
            List<String> pulled = pulledModels(http, LOCAL_OLLAMA);
            for (String model : List.of(endpoint.chatModel(), endpoint.embeddingModel())) {
                if (!pulled.contains(model) && !pulled.contains(model + ":latest")) {
                    out.println("! The local Ollama has no model '" + model + "'. Pull it first:  ollama pull " + model);
                }
            }
            return new TourEndpoint(endpoint, "the local Ollama at " + LOCAL_OLLAMA
                    + " (model " + endpoint.chatModel() + ")", true, null);
        }
        String modelFile = env.get("LLM_MODEL_FILE");
        boolean userModel = modelFile != null && !modelFile.isBlank();
        LlamaCppEngine engine;
        try {
            engine = engines.apply(userModel ? LlamaCppEngine.builder(Path.of(modelFile)).defaultMaxTokens(256)
                    : LlamaCppEngine.demo(modelsDirectory(), DemoModel.DEFAULT_SEED));
        } catch (ModelLoadException e) {
            if (userModel || !e.nativeLibraryUnavailable()) {
                throw e;
            }
            out.println("! llama.cpp's native library does not load on this platform, so no model can run"
                    + " in-process: " + e.getMessage());
            return scripted(out, scriptedChunkDelay);
        }
        SwitchboardServer server = SwitchboardServer.start(engine);
        Endpoint endpoint = Endpoint.builder().baseUrl(server.openAiBaseUrl())
                .chatModel(engine.modelName()).embeddingModel(engine.modelName()).build();
        String what = userModel
                ? "LLM_MODEL_FILE " + modelFile + ", run in-process by llama.cpp"
                : "the generated demo model, run in-process by llama.cpp — a real model with RANDOM WEIGHTS ("
                        + DemoModel.NOTICE + "). Set LLM_MODEL_FILE=/path/to/model.gguf, LLM_BASE_URL,"
                        + " or start Ollama for answers that mean something.";
        return new TourEndpoint(endpoint, "the embedded Switchboard server at " + server.openAiBaseUrl() + " serving "
                + what, true, server, Map.of(Scenario.AGENT_LOOP, NO_TOOLS));
    }

    private static LlamaCppEngine loadEngine(LlamaCppEngine.Builder builder) {
        return builder.build();
    }

    private static TourEndpoint scripted(PrintStream out, Duration scriptedChunkDelay) {
        SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine(1, scriptedChunkDelay));
        Endpoint endpoint = Endpoint.builder().baseUrl(server.openAiBaseUrl())
                .chatModel(ScriptedEngine.MODEL).embeddingModel(ScriptedEngine.EMBEDDING_MODEL).build();
        return new TourEndpoint(endpoint, "the embedded Switchboard server at " + server.openAiBaseUrl()
                + " — a SCRIPTED OFFLINE DEMO: answers come from fixed rules, not a model."
                + " Set LLM_BASE_URL or start Ollama for a real one.", true, server);
    }

    /** Where the demo model is written: {@code switchboard.models} if set, else the user's temp directory. */
    static Path modelsDirectory() {
        String configured = System.getProperty("switchboard.models");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "switchboard-models");
    }

    private static boolean isOllama(HttpClient http, String rootUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rootUrl + "/"))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("Ollama is running");
        } catch (Exception notThere) {
            return false;
        }
    }

    private static List<String> pulledModels(HttpClient http, String rootUrl) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(rootUrl + "/api/tags"))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return OllamaWire.readTags(response.body()).stream().map(ModelInfo::id).toList();
        } catch (Exception unreadable) {
            return List.of();
        }
    }
}
