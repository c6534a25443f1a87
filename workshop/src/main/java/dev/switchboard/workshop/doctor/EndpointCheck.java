package dev.switchboard.workshop.doctor;

import static dev.switchboard.workshop.doctor.Doctor.set;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.core.Endpoint;
import dev.switchboard.testkit.live.EndpointResolution;
import dev.switchboard.testkit.ollama.OllamaTestcontainer;
import dev.switchboard.workshop.doctor.Doctor.HttpResult;
import dev.switchboard.workshop.doctor.Doctor.Probes;
import dev.switchboard.workshop.doctor.Findings.Mark;

/**
 * The doctor's endpoint check: which endpoint the workshop's resolution ({@link EndpointResolution})
 * will pick and why, in its order — {@code LLM_BASE_URL} (asked {@code GET /models}), an Ollama at
 * {@link EndpointResolution#LOCAL_OLLAMA} (asked {@code GET /api/tags}), a Docker engine for a
 * Testcontainers Ollama, the in-process llama.cpp engine — and, where the endpoint can tell, whether
 * the chat and embedding models are there. It starts no container, loads no model and pulls
 * nothing; each finding goes to the {@link Findings} it is given, as one ✓, ! or ✗ line.
 */
final class EndpointCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Findings findings;

    /**
     * An endpoint check that reports to {@code findings}.
     *
     * @param findings where the findings go
     */
    EndpointCheck(Findings findings) {
        this.findings = findings;
    }

    private void say(Mark mark, String text) {
        findings.say(mark, text);
    }

    /**
     * Checks the endpoint {@code env} resolves to, looking through {@code probes}.
     *
     * @param env    the environment ({@code LLM_*}) the workshop would resolve its endpoint from
     * @param probes what to look at
     */
    void run(Map<String, String> env, Probes probes) {
        String forced = env.getOrDefault("LLM_ENDPOINT", "").trim();
        if (!forced.isEmpty()) {
            say(Mark.WARN, "LLM_ENDPOINT=" + forced + " forces that step of the resolution; the doctor checks the"
                    + " usual order below. Unset LLM_ENDPOINT unless you mean it");
        }
        if (set(env, "LLM_BASE_URL") || set(env, "OPENAI_BASE_URL")) {
            environmentEndpoint(env, probes);
            return;
        }
        String root = EndpointResolution.LOCAL_OLLAMA;
        if (probes.ollamaAnswers(root)) {
            say(Mark.OK, "endpoint: LLM_BASE_URL is not set and an Ollama answers at " + root
                    + ", so the lessons use it (" + root + "/v1)");
            ollamaModels(env, probes, root, true);
            return;
        }
        say(Mark.WARN, "LLM_BASE_URL is not set and no Ollama answers at " + root + ". For real models: install"
                + " Ollama (https://ollama.com/download), run 'ollama serve', then 'ollama pull "
                + chatModel(env) + "' and 'ollama pull " + embeddingModel(env) + "'; or set LLM_BASE_URL");
        if (probes.dockerAvailable()) {
            say(Mark.OK, "endpoint: a Docker engine runs, so the lessons start a Testcontainers Ollama ("
                    + OllamaTestcontainer.IMAGE + ") and pull " + chatModel(env) + " and " + embeddingModel(env)
                    + " into it on first use (about 0.6 GB; the first run takes minutes)");
            return;
        }
        Optional<String> natives = probes.llamaNativeLibrary();
        if (natives.isPresent()) {
            say(Mark.WARN, "endpoint: no Docker engine either, so the lessons run the in-process llama.cpp engine"
                    + (set(env, "LLM_MODEL_FILE") ? " on LLM_MODEL_FILE=" + env.get("LLM_MODEL_FILE")
                            : " on the generated demo model, whose random weights answer gibberish")
                    + " (native library bundled: " + natives.get() + "). Its tool calls are well-formed but not"
                    + " sensible, as its text is. Fix for real answers: start Ollama or Docker, or set"
                    + " LLM_BASE_URL (or LLM_MODEL_FILE to a GGUF file)");
        } else {
            say(Mark.FAIL, "endpoint: no LLM_BASE_URL, no Ollama at " + root + ", no Docker engine, and llama.cpp has"
                    + " no native library for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + ", so there is no model to run the lessons against. Fix: install and start Ollama"
                    + " (https://ollama.com/download), or start Docker, or set LLM_BASE_URL to a server you have");
        }
    }

    private void environmentEndpoint(Map<String, String> env, Probes probes) {
        Endpoint endpoint;
        try {
            endpoint = Endpoint.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            say(Mark.FAIL, "LLM_BASE_URL is not a URL the clients accept: " + e.getMessage()
                    + ". Fix: set it like http://localhost:11434/v1");
            return;
        }
        String base = Endpoint.redactUrl(endpoint.baseUrl()); // printed: without credentials
        HttpResult models;
        try {
            models = probes.get(endpoint.baseUrl() + "/models", endpoint.apiKeyOrPlaceholder());
        } catch (IOException | RuntimeException e) {
            say(Mark.FAIL, "endpoint: LLM_BASE_URL is set, so the lessons use " + base + " — but nothing answers"
                    + " there (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "). Fix: start that server (ollama serve, llama-server --port ..., ...), correct"
                    + " LLM_BASE_URL (host, port, and the /v1 at the end), or unset it to let the workshop find one");
            return;
        }
        if (models.status() == 401 || models.status() == 403) {
            say(Mark.FAIL, "endpoint: " + base + " answers " + models.status() + " to GET /models: the API key is"
                    + " missing or wrong. Fix: set LLM_API_KEY to your key (local servers take any key)");
            return;
        }
        if (models.status() / 100 != 2) {
            say(Mark.WARN, "endpoint: LLM_BASE_URL is set, so the lessons use " + base + "; it answers "
                    + models.status() + " to GET /models, so the doctor cannot list its models."
                    + " Check that the URL ends in /v1");
            return;
        }
        say(Mark.OK, "endpoint: LLM_BASE_URL is set, so the lessons use " + base + " (it answers GET /models)");
        List<String> served;
        try {
            served = names(models.body(), "data", "id");
        } catch (IOException e) {
            say(Mark.WARN, "GET " + base + "/models did not answer JSON, so the doctor cannot list its models");
            return;
        }
        if (endpoint.chatModel() == null) {
            say(Mark.FAIL, "LLM_MODEL is not set, and with LLM_BASE_URL the lessons need a chat model name."
                    + " Fix: export LLM_MODEL=<one of " + served + ">");
        } else {
            present(served, endpoint.chatModel(), "LLM_MODEL", "chat", true, false);
        }
        if (endpoint.embeddingModel() == null) {
            say(Mark.WARN, "LLM_EMBEDDING_MODEL is not set: the embedding lessons (7, 9) need one."
                    + " Fix: export LLM_EMBEDDING_MODEL=<an embedding model of " + served + ">");
        } else {
            present(served, endpoint.embeddingModel(), "LLM_EMBEDDING_MODEL", "embedding", false, false);
        }
    }

    /**
     * The model names in a model list: {@code field} of each element of {@code array}, as
     * {@code /v1/models} ({@code data[].id}) and Ollama's {@code /api/tags} ({@code models[].name})
     * list them.
     *
     * @throws IOException if {@code body} is not JSON
     */
    private static List<String> names(String body, String array, String field) throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode model : MAPPER.readTree(body).path(array)) {
            names.add(model.path(field).asText());
        }
        return names;
    }

    private void ollamaModels(Map<String, String> env, Probes probes, String root, boolean local) {
        HttpResult tags;
        try {
            tags = probes.get(root + "/api/tags", Endpoint.PLACEHOLDER_API_KEY);
        } catch (IOException e) {
            say(Mark.WARN, "the Ollama at " + root + " did not list its models (" + e.getMessage() + ")");
            return;
        }
        List<String> served;
        try {
            served = names(tags.body(), "models", "name");
        } catch (IOException e) {
            say(Mark.WARN, "the Ollama at " + root + " answered /api/tags with no JSON");
            return;
        }
        present(served, chatModel(env), "LLM_MODEL", "chat", true, local);
        present(served, embeddingModel(env), "LLM_EMBEDDING_MODEL", "embedding", false, local);
    }

    /** Says whether {@code model} is among {@code served}; missing is fatal for an endpoint of one's own. */
    private void present(List<String> served, String model, String variable, String kind, boolean chat,
            boolean ollama) {
        boolean found = served.contains(model) || (!model.contains(":") && served.contains(model + ":latest"));
        if (found) {
            say(Mark.OK, "the " + kind + " model " + model + " is there");
        } else if (ollama) {
            say(Mark.WARN, "the " + kind + " model " + model + " is not pulled yet: the first lesson pulls it"
                    + " (with progress), or pull it now: ollama pull " + model);
        } else {
            say(chat ? Mark.FAIL : Mark.WARN, "the server does not list the " + kind + " model " + model
                    + " (it lists " + served + "): a request would answer 404. Fix: export " + variable
                    + "=<one of those>, or load/pull " + model + " there (Ollama: ollama pull " + model + ")");
        }
    }

    private static String chatModel(Map<String, String> env) {
        return set(env, "LLM_MODEL") ? env.get("LLM_MODEL").trim() : OllamaTestcontainer.DEFAULT_CHAT_MODEL;
    }

    private static String embeddingModel(Map<String, String> env) {
        return set(env, "LLM_EMBEDDING_MODEL") ? env.get("LLM_EMBEDDING_MODEL").trim()
                : OllamaTestcontainer.DEFAULT_EMBEDDING_MODEL;
    }
}
