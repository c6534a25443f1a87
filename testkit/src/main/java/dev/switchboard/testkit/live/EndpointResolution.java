package dev.switchboard.testkit.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.Capability;
import dev.switchboard.core.Endpoint;
import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.testkit.ollama.OllamaModels;
import dev.switchboard.testkit.ollama.OllamaTestcontainer;

/**
 * The one way Switchboard finds a real endpoint, used by the live test tier
 * ({@link LiveEndpointExtension}) and by the workshop alike. Tried in order, each step saying on
 * {@code log} what it chose or why it passed:
 *
 * <ol>
 *   <li><b>{@code LLM_BASE_URL}</b>, with {@code LLM_API_KEY}, {@code LLM_MODEL},
 *       {@code LLM_EMBEDDING_MODEL} ({@link Endpoint#fromEnvironment(Map)}). Whatever it points at is
 *       trusted to support everything except what {@code LLM_UNSUPPORTED} names (a comma-separated list
 *       of {@link Capability} names, e.g. {@code embeddings,tools} for a llama-server started without
 *       {@code --embeddings} or {@code --jinja}).</li>
 *   <li><b>A local Ollama</b> answering {@code Ollama is running} at {@value #LOCAL_OLLAMA}, with the
 *       chat model ({@code LLM_MODEL}, default {@value OllamaTestcontainer#DEFAULT_CHAT_MODEL}) and the
 *       embedding model ({@code LLM_EMBEDDING_MODEL}, default
 *       {@value OllamaTestcontainer#DEFAULT_EMBEDDING_MODEL}) present, or pulled with progress after
 *       saying so.</li>
 *   <li><b>A Testcontainers Ollama</b> where a Docker engine runs ({@link OllamaTestcontainer}), same
 *       models.</li>
 *   <li><b>The in-process llama.cpp engine</b> behind Switchboard's server, on {@code LLM_MODEL_FILE}
 *       or the generated random-weight demo model ({@link InProcessLlama}).</li>
 * </ol>
 *
 * <p>Each step that asks whether a server speaks Ollama's native API ({@link #isOllama(String, Duration)})
 * waits at most {@code LLM_PROBE_TIMEOUT} seconds for the answer (a decimal number, e.g. {@code 0.5}
 * or {@code 30}): by default {@link #LOCAL_PROBE_TIMEOUT} for the guess at a local Ollama, which
 * nobody may run, and {@link #ENDPOINT_PROBE_TIMEOUT} for the endpoint {@code LLM_BASE_URL} names,
 * which is expected to answer. A server that is down refuses at once; only one that accepts and
 * does not answer costs the whole timeout.
 *
 * <p>Setting {@code LLM_ENDPOINT} to {@code environment}, {@code local-ollama}, {@code testcontainers}
 * or {@code in-process} skips the probing and takes that step only (useful when a local Ollama runs
 * but the tests should use the container).
 */
public final class EndpointResolution {

    /** Where a local Ollama listens by default. */
    public static final String LOCAL_OLLAMA = "http://localhost:11434";

    /**
     * How long the guess at a local Ollama ({@value #LOCAL_OLLAMA}) waits for {@code GET /}: one
     * second; a local server that answers does so in milliseconds, and most machines run none.
     */
    public static final Duration LOCAL_PROBE_TIMEOUT = Duration.ofSeconds(1);

    /**
     * How long the check of a named endpoint ({@code LLM_BASE_URL}, the doctor's URL) waits for
     * {@code GET /}: five seconds, so a server busy starting up or a machine under load (a CI runner)
     * is not taken for one without Ollama's API.
     */
    public static final Duration ENDPOINT_PROBE_TIMEOUT = Duration.ofSeconds(5);

    private EndpointResolution() {
    }

    /**
     * Resolves a real endpoint from the process environment, logging to standard output.
     *
     * @throws IOException           if the chosen step fails (an Ollama that cannot pull a model, a model
     *                               file that cannot be loaded)
     * @throws IllegalStateException if {@code LLM_ENDPOINT} names an unknown step
     */
    public static LiveEndpoint resolve() throws IOException {
        return resolve(System.getenv(), line -> System.out.println("[switchboard] " + line));
    }

    /**
     * Resolves a real endpoint, saying on {@code log} which step chose it and why.
     *
     * @param env the environment to read {@code LLM_*} from, e.g. {@code System.getenv()}
     * @param log receives one line per decision and per pull-progress report
     * @return the endpoint; close it when done (it may own a container or an engine)
     * @throws IOException           if the chosen step fails
     * @throws ModelLoadException    if the in-process step cannot load its model (a bad {@code LLM_MODEL_FILE},
     *                               or no llama.cpp native library for this platform)
     * @throws IllegalStateException if {@code LLM_ENDPOINT} names an unknown step
     */
    public static LiveEndpoint resolve(Map<String, String> env, Consumer<String> log) throws IOException {
        return resolve(env, log, LlamaCppEngine.Builder::build);
    }

    /**
     * As {@link #resolve(Map, Consumer)}, with the in-process engine built by {@code engines} from the
     * builder the last step chose (a test passes one that fails as a platform without llama.cpp's
     * native library would).
     *
     * @param engines builds the in-process engine; the default is {@link LlamaCppEngine.Builder#build()}
     * @return the endpoint; close it when done
     * @throws IOException           if the chosen step fails
     * @throws ModelLoadException    if the in-process step cannot load its model
     * @throws IllegalStateException if {@code LLM_ENDPOINT} names an unknown step, or {@code LLM_UNSUPPORTED}
     *                               an unknown capability
     */
    public static LiveEndpoint resolve(Map<String, String> env, Consumer<String> log,
            Function<LlamaCppEngine.Builder, LlamaCppEngine> engines) throws IOException {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(log, "log");
        String forced = env.getOrDefault("LLM_ENDPOINT", "").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "environment":
                return fromEnvironment(env, log, "LLM_ENDPOINT=environment");
            case "local-ollama":
                return localOllama(env, log, "LLM_ENDPOINT=local-ollama");
            case "testcontainers":
                return testcontainers(env, log, "LLM_ENDPOINT=testcontainers");
            case "in-process":
                return InProcessLlama.start(env, log, "LLM_ENDPOINT=in-process", engines);
            case "":
                break;
            default:
                throw new IllegalStateException("LLM_ENDPOINT=" + forced
                        + " is not one of environment, local-ollama, testcontainers, in-process");
        }
        if (isSet(env, "LLM_BASE_URL")) {
            return fromEnvironment(env, log, "LLM_BASE_URL is set");
        }
        log.accept("LLM_BASE_URL is not set; looking for a local Ollama at " + LOCAL_OLLAMA);
        if (isOllama(LOCAL_OLLAMA, probeTimeout(env, LOCAL_PROBE_TIMEOUT))) {
            return localOllama(env, log, "an Ollama answers at " + LOCAL_OLLAMA);
        }
        log.accept("no Ollama answers at " + LOCAL_OLLAMA + "; looking for a Docker engine for a Testcontainers Ollama");
        if (OllamaTestcontainer.dockerAvailable()) {
            return testcontainers(env, log, "a Docker engine runs");
        }
        log.accept("no Docker engine runs (Testcontainers found no Docker environment); using the in-process llama.cpp engine");
        return InProcessLlama.start(env, log, "no LLM_BASE_URL, no local Ollama, no Docker engine", engines);
    }

    private static LiveEndpoint fromEnvironment(Map<String, String> env, Consumer<String> log, String why) {
        Endpoint endpoint = Endpoint.fromEnvironment(env);
        Capabilities capabilities = Capabilities.all();
        String unsupported = env.getOrDefault("LLM_UNSUPPORTED", "");
        for (String name : unsupported.split(",")) {
            if (!name.isBlank()) {
                Capability capability;
                try {
                    capability = Capability.valueOf(name.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("LLM_UNSUPPORTED names '" + name.trim()
                            + "', which is not one of " + java.util.Arrays.toString(Capability.values()), e);
                }
                capabilities = capabilities.without(capability, "LLM_UNSUPPORTED names " + capability);
            }
        }
        boolean ollamaApi = isOllama(endpoint.rootUrl(), probeTimeout(env, ENDPOINT_PROBE_TIMEOUT));
        return chosen(new LiveEndpoint(endpoint, LiveEndpoint.Kind.ENVIRONMENT, why, capabilities, ollamaApi,
                () -> { }), log);
    }

    private static LiveEndpoint localOllama(Map<String, String> env, Consumer<String> log, String why)
            throws IOException {
        String chatModel = chatModel(env);
        String embeddingModel = embeddingModel(env);
        new OllamaModels(LOCAL_OLLAMA, log).ensure(List.of(chatModel, embeddingModel));
        Endpoint endpoint = Endpoint.builder().baseUrl(LOCAL_OLLAMA + "/v1").chatModel(chatModel)
                .embeddingModel(embeddingModel).readTimeout(Duration.ofMinutes(5)).build();
        return chosen(new LiveEndpoint(endpoint, LiveEndpoint.Kind.LOCAL_OLLAMA, why, Capabilities.all(), true,
                () -> { }), log);
    }

    private static LiveEndpoint testcontainers(Map<String, String> env, Consumer<String> log, String why)
            throws IOException {
        OllamaTestcontainer container = OllamaTestcontainer.start(chatModel(env), embeddingModel(env), log);
        return chosen(new LiveEndpoint(container.endpoint(), LiveEndpoint.Kind.TESTCONTAINERS_OLLAMA, why,
                Capabilities.all(), true, container), log);
    }

    /** {@code LLM_MODEL}, else the fixture's default chat model. */
    private static String chatModel(Map<String, String> env) {
        return isSet(env, "LLM_MODEL") ? env.get("LLM_MODEL").trim() : OllamaTestcontainer.DEFAULT_CHAT_MODEL;
    }

    /** {@code LLM_EMBEDDING_MODEL}, else the fixture's default embedding model. */
    private static String embeddingModel(Map<String, String> env) {
        return isSet(env, "LLM_EMBEDDING_MODEL") ? env.get("LLM_EMBEDDING_MODEL").trim()
                : OllamaTestcontainer.DEFAULT_EMBEDDING_MODEL;
    }

    /** Says which endpoint was chosen, and returns it. */
    private static LiveEndpoint chosen(LiveEndpoint live, Consumer<String> log) {
        log.accept("endpoint: " + live.describe());
        return live;
    }

    /**
     * {@code LLM_PROBE_TIMEOUT} in seconds, else {@code otherwise}.
     *
     * @throws IllegalStateException if it is set but not a positive number
     */
    static Duration probeTimeout(Map<String, String> env, Duration otherwise) {
        if (!isSet(env, "LLM_PROBE_TIMEOUT")) {
            return otherwise;
        }
        String value = env.get("LLM_PROBE_TIMEOUT").trim();
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0) || seconds > 3600) {
            throw new IllegalStateException("LLM_PROBE_TIMEOUT=" + value
                    + " is not a number of seconds between 0 and 3600, e.g. 0.5 or 30");
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /**
     * Whether {@code GET <rootUrl>/} answers Ollama's {@code Ollama is running} (ollama-wire.md §14c), as
     * an Ollama and Switchboard's server do, within {@link #ENDPOINT_PROBE_TIMEOUT}.
     *
     * @param rootUrl the server's root, without {@code /v1}
     * @return true if it answers 200 with that text; false if it answers otherwise or not at all
     */
    public static boolean isOllama(String rootUrl) {
        return isOllama(rootUrl, ENDPOINT_PROBE_TIMEOUT);
    }

    /**
     * Whether {@code GET <rootUrl>/} answers Ollama's {@code Ollama is running} (ollama-wire.md §14c)
     * within {@code timeout} (for the connection, and again for the answer).
     *
     * @param rootUrl the server's root, without {@code /v1}
     * @param timeout positive
     * @return true if it answers 200 with that text; false if it answers otherwise, not at all, or too late
     */
    public static boolean isOllama(String rootUrl, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rootUrl + "/"))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("Ollama is running");
        } catch (IOException notThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
