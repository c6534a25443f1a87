package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.*;
import okhttp3.*;

/**
 * The models an Ollama has pulled: native {@code GET {rootUrl}/api/tags}, their names in {@code models[].name}
 * ({@code core/src/test/resources/reference/ollama-wire.md} section 11).
 */
public final class OllamaListModels {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Prints the models of the Ollama at {@code LLM_BASE_URL} (without {@code /v1}), one per line. */
    public static void main(String[] args) throws IOException {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        run(rootUrl).forEach(System.out::println);
    }

    /**
     * Lists the models of the Ollama at {@code rootUrl} (e.g. {@code http://localhost:11434}).
     * @return the model names, e.g. {@code qwen3:0.6b}, in the server's order
     * @throws IOException if the server cannot be reached, a read waits over 120 s, or the status is not 2xx
     *                     (status and body in the message)
     */
    public static List<String> run(String rootUrl) throws IOException {
        Request request = new Request.Builder().url(rootUrl + "/api/tags").build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from GET " + request.url() + ": " + text);
            }
            List<String> names = new ArrayList<>();
            MAPPER.readTree(text).path("models").forEach(model -> names.add(model.path("name").asText()));
            return names;
        }
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
