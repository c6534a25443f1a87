package dev.switchboard.testkit.ollama;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.core.wire.NdjsonReader;

/**
 * The models an Ollama has, and pulling the missing ones with visible progress.
 *
 * <p>Lists through {@code GET /api/tags} and pulls through {@code POST /api/pull} with
 * {@code "stream": true}, reading Ollama's NDJSON progress objects
 * {@code {status, digest?, total?, completed?}} (ollama-wire.md §14b: {@code "pulling manifest"},
 * then per layer {@code "pulling <12 hex>"} with byte counts, {@code "verifying sha256 digest"},
 * {@code "writing manifest"}, {@code "success"}; an unknown model gives HTTP 200 and one
 * {@code {"error": "..."}} line, §2.3). Progress goes to a line consumer: every status change,
 * and within a layer each time another 10 % has arrived or {@code progressInterval} has passed, so a
 * pull of minutes is never silent.
 *
 * <pre>{@code
 * new OllamaModels("http://localhost:11434", System.out::println).ensure(List.of("qwen3:0.6b"));
 * // pulling qwen3:0.6b: pulling manifest
 * // pulling qwen3:0.6b: layer 7f4030143c1c 10% of 522.7 MB
 * // ...
 * // pulling qwen3:0.6b: success
 * }</pre>
 */
public final class OllamaModels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String rootUrl;
    private final Consumer<String> log;
    private final Duration progressInterval;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Talks to the Ollama at {@code rootUrl}, reporting progress at least every 10 seconds.
     *
     * @param rootUrl the server root without {@code /api} or {@code /v1}, e.g. {@code http://localhost:11434}
     * @param log     receives one human-readable line per progress report
     */
    public OllamaModels(String rootUrl, Consumer<String> log) {
        this(rootUrl, log, Duration.ofSeconds(10));
    }

    /**
     * Talks to the Ollama at {@code rootUrl}.
     *
     * @param progressInterval the longest time between two progress lines while a layer downloads
     */
    public OllamaModels(String rootUrl, Consumer<String> log, Duration progressInterval) {
        this.rootUrl = stripTrailingSlashes(Objects.requireNonNull(rootUrl, "rootUrl"));
        this.log = Objects.requireNonNull(log, "log");
        this.progressInterval = Objects.requireNonNull(progressInterval, "progressInterval");
    }

    /**
     * The names of the models present, as {@code GET /api/tags} lists them ({@code name:tag}, e.g.
     * {@code all-minilm:latest}).
     *
     * @throws IOException if the server does not answer 200 with a {@code models} array
     */
    public List<String> installed() throws IOException {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(URI.create(rootUrl + "/api/tags"))
                .timeout(Duration.ofSeconds(10)).GET().build());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + rootUrl + "/api/tags answered " + response.statusCode());
            }
            JsonNode models = JSON.readTree(body).path("models");
            if (!models.isArray()) {
                throw new IOException("GET " + rootUrl + "/api/tags: no \"models\" array; not an Ollama?");
            }
            List<String> names = new ArrayList<>();
            models.forEach(model -> names.add(model.path("name").asText()));
            return names;
        }
    }

    /**
     * Whether {@code model} is among {@code installed}: an untagged name matches its {@code :latest}.
     */
    public static boolean contains(List<String> installed, String model) {
        String wanted = model.contains(":") ? model : model + ":latest";
        return installed.contains(wanted) || installed.contains(model);
    }

    /**
     * Pulls each of {@code models} that is not present yet, saying so before each pull.
     *
     * @return the models that were pulled (empty if all were present)
     * @throws IOException         if the server cannot be reached or a pull fails
     * @throws OllamaPullException if Ollama reports an error for a model (unknown name, no registry access)
     */
    public List<String> ensure(List<String> models) throws IOException {
        List<String> installed = installed();
        List<String> pulled = new ArrayList<>();
        for (String model : models) {
            if (contains(installed, model)) {
                continue;
            }
            log.accept("model " + model + " is missing at " + rootUrl + "; pulling it (once; it is kept afterwards)");
            pull(model);
            pulled.add(model);
        }
        return pulled;
    }

    /**
     * Pulls {@code model}, reporting progress while it arrives.
     *
     * @throws OllamaPullException if a progress line carries {@code error}, or the stream ends before
     *                             {@code "status": "success"}
     * @throws IOException         if the request fails or the server answers other than 200
     */
    public void pull(String model) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("model", model).put("stream", true);
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(URI.create(rootUrl + "/api/pull"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                .build());
        try (NdjsonReader lines = new NdjsonReader(response.body())) {
            if (response.statusCode() != 200) {
                throw new OllamaPullException(model, "POST /api/pull answered " + response.statusCode());
            }
            Progress progress = new Progress(model);
            byte[] line;
            while ((line = lines.nextLine()) != null) {
                JsonNode event = JSON.readTree(line);
                if (event.hasNonNull("error")) {
                    throw new OllamaPullException(model, event.get("error").asText());
                }
                String status = event.path("status").asText();
                progress.report(status, event.path("total").asLong(0), event.path("completed").asLong(0));
                if ("success".equals(status)) {
                    return;
                }
            }
            throw new OllamaPullException(model, "the progress stream ended before \"success\"");
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + rootUrl, e);
        }
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Decides which progress objects become a line. */
    private final class Progress {
        private final String model;
        private String lastStatus = "";
        private long lastTenth = -1;
        private long lastLineNanos = System.nanoTime();

        Progress(String model) {
            this.model = model;
        }

        void report(String status, long total, long completed) {
            boolean newStatus = !status.equals(lastStatus);
            if (total <= 0) {
                if (newStatus) {
                    emit(status);
                }
            } else {
                long tenth = completed * 10 / total;
                boolean due = System.nanoTime() - lastLineNanos >= progressInterval.toNanos();
                if (newStatus || tenth != lastTenth || due) {
                    emit(describeLayer(status) + " " + (completed * 100 / total) + "% of " + megabytes(total));
                    lastTenth = tenth;
                }
            }
            if (newStatus) {
                lastTenth = total > 0 ? completed * 10 / total : -1;
            }
            lastStatus = status;
        }

        private void emit(String text) {
            log.accept("pulling " + model + ": " + text);
            lastLineNanos = System.nanoTime();
        }

        private String describeLayer(String status) {
            return status.startsWith("pulling ") ? "layer " + status.substring("pulling ".length()) : status;
        }

        private String megabytes(long bytes) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
    }
}
