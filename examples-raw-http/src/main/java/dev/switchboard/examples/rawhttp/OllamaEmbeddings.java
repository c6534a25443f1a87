package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;

/**
 * Embeddings on Ollama's native {@code POST {rootUrl}/api/embed}: {@code embeddings} holds one L2-normalised
 * vector per {@code input} text, in input order ({@code core/src/test/resources/reference/ollama-wire.md} 9).
 */
public final class OllamaEmbeddings {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Embeds two texts with the Ollama at {@code LLM_BASE_URL} (without {@code /v1}), {@code LLM_EMBEDDING_MODEL}. */
    public static void main(String[] args) throws IOException {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_EMBEDDING_MODEL", "all-minilm");
        List<float[]> vectors = run(rootUrl, model, List.of("The cat sat on the mat.", "Stock prices fell."));
        vectors.forEach(v -> System.out.println(v.length + " floats, starting " + Arrays.toString(Arrays.copyOf(v, 3))));
    }

    /**
     * Embeds {@code texts} (one or more) in one request to {@code rootUrl} (e.g. {@code http://localhost:11434}).
     * Returns one vector per text, in order, of the model's length (384 for {@code all-minilm}).
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not 2xx
     *                     (status and body in the message; an unknown model is 404), or a vector is missing
     */
    public static List<float[]> run(String rootUrl, String model, List<String> texts) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model);
        texts.forEach(body.putArray("input")::add);
        Request request = new Request.Builder().url(rootUrl + "/api/embed") // no Authorization: Ollama ignores it
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
            }
            JsonNode embeddings = MAPPER.readTree(text).path("embeddings");
            if (embeddings.size() != texts.size()) {
                throw new IOException("expected " + texts.size() + " vectors, got " + embeddings.size() + ": " + text);
            }
            return Arrays.asList(MAPPER.treeToValue(embeddings, float[][].class));
        }
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
