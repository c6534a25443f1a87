package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.*;
import okhttp3.*;

/**
 * The models a server offers: {@code GET {baseUrl}/models}, their names in {@code data[].id} (OpenAI Models;
 * Ollama alike: {@code core/src/test/resources/reference/ollama-wire.md} section 6). A quick first check.
 */
public final class ListModels {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Prints the models of {@code LLM_BASE_URL} (with {@code LLM_API_KEY}), one per line. */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        run(baseUrl, apiKey).forEach(System.out::println);
    }

    /**
     * Lists the models of {@code baseUrl} (with {@code /v1}), sending {@code Authorization: Bearer <apiKey>}.
     * @return the model ids, in the server's order
     * @throws IOException if the server cannot be reached, a read waits over 120 s, or the status is not 2xx
     *                     (status and body in the message)
     */
    public static List<String> run(String baseUrl, String apiKey) throws IOException {
        Request request = new Request.Builder().url(baseUrl + "/models")
                .header("Authorization", "Bearer " + apiKey).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from GET " + request.url() + ": " + text);
            }
            List<String> ids = new ArrayList<>();
            MAPPER.readTree(text).path("data").forEach(model -> ids.add(model.path("id").asText()));
            return ids;
        }
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
