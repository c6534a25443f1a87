package dev.switchboard.workshop;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.wire.OllamaWire;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

/**
 * Finds the endpoint for the tour, in order: {@code LLM_BASE_URL} if set; else a local Ollama if
 * one answers at {@code http://localhost:11434}; else the embedded server on the scripted engine,
 * labelled as a scripted offline demo.
 */
public final class EndpointResolver {

    /** Where a local Ollama listens by default. */
    public static final String LOCAL_OLLAMA = "http://localhost:11434";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
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
     * @return the endpoint; close it after the tour (it may own the embedded server)
     */
    public static TourEndpoint resolve(Map<String, String> env, PrintStream out, Duration scriptedChunkDelay) {
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
        SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine(1, scriptedChunkDelay));
        Endpoint endpoint = Endpoint.builder().baseUrl(server.openAiBaseUrl())
                .chatModel(ScriptedEngine.MODEL).embeddingModel(ScriptedEngine.EMBEDDING_MODEL).build();
        return new TourEndpoint(endpoint, "the embedded Switchboard server at " + server.openAiBaseUrl()
                + " — a SCRIPTED OFFLINE DEMO: answers come from fixed rules, not a model."
                + " Set LLM_BASE_URL or start Ollama for a real one.", true, server);
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
