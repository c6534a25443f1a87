package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;

/**
 * Embeddings: {@code POST {baseUrl}/embeddings}; each {@code data[i]} holds an {@code embedding} and the {@code index}
 * of its text (OpenAI; {@code core/src/test/resources/reference/llama-server-transcripts/20-embeddings-batch.txt}).
 */
public final class Embeddings {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Embeds two texts with {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_EMBEDDING_MODEL}. */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_EMBEDDING_MODEL", "all-minilm");
        List<float[]> vectors = run(baseUrl, apiKey, model, List.of("The cat sat on the mat.", "Stock prices fell."));
        vectors.forEach(v -> System.out.println(v.length + " floats, starting " + Arrays.toString(Arrays.copyOf(v, 3))));
    }

    /**
     * Embeds {@code texts} (one or more) in one request to {@code baseUrl} (with {@code /v1}), Bearer {@code apiKey}:
     * one vector per text in the order of {@code texts}, of the model's length (384 for {@code all-minilm}).
     * @throws IOException if unreachable, a read over 120 s, a non-2xx status (with its body) or a missing vector
     */
    public static List<float[]> run(String baseUrl, String apiKey, String model, List<String> texts) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).putPOJO("input", texts);
        Request request = new Request.Builder().url(baseUrl + "/embeddings").header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
            }
            float[][] vectors = new float[texts.size()][];
            for (JsonNode item : MAPPER.readTree(text).path("data")) { // put in text order by index
                int index = item.path("index").asInt(-1);
                if (index >= 0 && index < vectors.length && vectors[index] == null) {
                    vectors[index] = MAPPER.treeToValue(item.path("embedding"), float[].class);
                }
            }
            if (Arrays.asList(vectors).contains(null)) {
                throw new IOException("expected one vector for each of " + texts.size() + " texts in: " + text);
            }
            return Arrays.asList(vectors);
        }
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
