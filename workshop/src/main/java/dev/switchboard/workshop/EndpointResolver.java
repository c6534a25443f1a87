package dev.switchboard.workshop;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import dev.switchboard.core.Capability;
import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.live.EndpointResolution;
import dev.switchboard.testkit.live.LiveEndpoint;

/**
 * Finds the endpoint for the tour through testkit's {@link EndpointResolution}, the same resolution
 * the live test tier uses, in order:
 * <ol>
 *   <li>{@code LLM_BASE_URL} if set;</li>
 *   <li>else a local Ollama if one answers at {@code http://localhost:11434} (missing models pulled,
 *       with progress, after saying so);</li>
 *   <li>else a Testcontainers Ollama where a Docker engine runs;</li>
 *   <li>else the embedded server running a real model in-process (llama.cpp): the GGUF file
 *       {@code LLM_MODEL_FILE} if set, else the generated demo model, labelled as having random
 *       weights whose text is not meaningful;</li>
 *   <li>else, only if llama.cpp's native library cannot load on this platform, the embedded server
 *       on the scripted engine, labelled as a scripted offline demo (a tour-only step: the live
 *       tests want a real model).</li>
 * </ol>
 * Every step prints, as a line starting {@code "· "}, what it tried and why; the last such line,
 * {@code "· endpoint: ..."}, is the endpoint chosen.
 */
public final class EndpointResolver {

    /** Pause between the scripted engine's chunks, so streaming is visible to a reader. */
    public static final Duration SCRIPTED_CHUNK_DELAY = Duration.ofMillis(40);

    private EndpointResolver() {
    }

    /**
     * Resolves the endpoint, printing which one was chosen and why.
     *
     * @param env the environment ({@code System.getenv()})
     * @param out where to explain the choice
     * @param scriptedChunkDelay the pause between chunks if the embedded scripted server is used
     * @return the endpoint; close it after the tour (it may own the embedded server or a container)
     * @throws ModelLoadException if {@code LLM_MODEL_FILE} names a model that cannot be loaded
     * @throws IOException        if a local or containerised Ollama cannot pull a model
     */
    public static TourEndpoint resolve(Map<String, String> env, PrintStream out, Duration scriptedChunkDelay)
            throws IOException {
        return resolve(env, out, scriptedChunkDelay, LlamaCppEngine.Builder::build);
    }

    /**
     * As {@link #resolve(Map, PrintStream, Duration)}, with the in-process engine built by
     * {@code engines} from the builder the resolution chose (tests pass one that fails).
     */
    static TourEndpoint resolve(Map<String, String> env, PrintStream out, Duration scriptedChunkDelay,
            Function<LlamaCppEngine.Builder, LlamaCppEngine> engines) throws IOException {
        LiveEndpoint live;
        try {
            live = EndpointResolution.resolve(env, line -> out.println("· " + line), engines);
        } catch (ModelLoadException e) {
            String modelFile = env.get("LLM_MODEL_FILE");
            if ((modelFile != null && !modelFile.isBlank()) || !e.nativeLibraryUnavailable()) {
                throw e;
            }
            out.println("! llama.cpp's native library does not load on this platform, so no model can run"
                    + " in-process: " + e.getMessage());
            TourEndpoint scripted = scripted(scriptedChunkDelay);
            out.println("· endpoint: " + scripted.description());
            return scripted;
        }
        return new TourEndpoint(live.endpoint(), live.describe(), live.ollamaApi(), live, unsupported(live));
    }

    /** The scenarios the endpoint's capabilities rule out, each with the capability's reason. */
    private static Map<Scenario, String> unsupported(LiveEndpoint live) {
        Map<Scenario, String> unsupported = new EnumMap<>(Scenario.class);
        Map<Scenario, Capability> needs = Map.of(Scenario.STREAMING, Capability.STREAMING,
                Scenario.AGENT_LOOP, Capability.TOOLS, Scenario.EMBEDDINGS, Capability.EMBEDDINGS);
        needs.forEach((scenario, capability) -> {
            if (!live.capabilities().supports(capability)) {
                unsupported.put(scenario, live.capabilities().reasonUnsupported(capability));
            }
        });
        return unsupported;
    }

    private static TourEndpoint scripted(Duration scriptedChunkDelay) {
        SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine(1, scriptedChunkDelay));
        Endpoint endpoint = Endpoint.builder().baseUrl(server.openAiBaseUrl())
                .chatModel(ScriptedEngine.MODEL).embeddingModel(ScriptedEngine.EMBEDDING_MODEL).build();
        return new TourEndpoint(endpoint, "the embedded Switchboard server at " + server.openAiBaseUrl()
                + " — a SCRIPTED OFFLINE DEMO: answers come from fixed rules, not a model."
                + " Set LLM_BASE_URL or start Ollama for a real one.", true, server);
    }
}
