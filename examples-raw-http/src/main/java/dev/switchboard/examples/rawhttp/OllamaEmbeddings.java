package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Embeddings over Ollama's native API: texts in, one vector per text out, in one request.
 *
 * <p>Sends {@code POST {rootUrl}/api/embed} with {@code {"model": ..., "input": [texts]}} and reads
 * {@code embeddings}, an array of vectors in the order of {@code input}, each L2-normalised by the
 * server. (Ollama {@code /api/embed}, see {@code shared/reference/ollama-wire.md} section 9; the older
 * {@code /api/embeddings} takes one {@code prompt} and does not normalise, section 10.) The vector
 * length is the model's: 768 for {@code nomic-embed-text}, 384 for {@code all-minilm}.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class OllamaEmbeddings {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One client for the whole program. The read timeout is the longest wait for the next bytes (per
     * read, not for the whole call): generous, because Ollama may load the model before it answers.
     */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private OllamaEmbeddings() {
    }

    /**
     * Embeds three sentences with the Ollama in {@code LLM_BASE_URL} and prints each vector's length
     * and first values. Environment: {@code LLM_BASE_URL} (default {@code http://localhost:11434/v1};
     * a trailing {@code /v1} is removed to get Ollama's root URL), {@code LLM_EMBEDDING_MODEL}
     * (default {@code all-minilm}).
     *
     * @param args ignored
     * @throws IOException if the request fails; see {@link #run}
     */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String rootUrl = baseUrl.replaceFirst("/v1/?$", "");
        String model = env("LLM_EMBEDDING_MODEL", "all-minilm");
        List<String> texts = List.of(
                "The cat sat on the mat.", "A kitten rested on a rug.", "Stock prices fell today.");
        List<float[]> vectors = run(rootUrl, model, texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            System.out.println(texts.get(i) + " -> " + v.length + " floats, starting "
                    + Arrays.toString(Arrays.copyOf(v, 3)));
        }
    }

    /**
     * Embeds {@code texts} in one request. Goes to the network once per call.
     *
     * @param rootUrl Ollama's root URL, without {@code /v1} or {@code /api} (e.g. {@code http://localhost:11434})
     * @param model   an embedding model, e.g. {@code nomic-embed-text}
     * @param texts   the texts; one or more
     * @return one vector per text, in the order of {@code texts}; the length is the model's
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not
     *                     2xx (status and body in the message; an unknown model is 404), or the answer
     *                     does not hold exactly one vector for each text
     */
    public static List<float[]> run(String rootUrl, String model, List<String> texts) throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);

        // No Authorization header: a local Ollama never reads it (ollama-wire.md section 1).
        Request request = new Request.Builder()
                .url(rootUrl + "/api/embed")
                .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON))
                .build();

        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
            }
            JsonNode embeddings = MAPPER.readTree(text).path("embeddings");
            if (embeddings.size() != texts.size()) {
                throw new IOException("expected " + texts.size() + " vectors, got " + embeddings.size() + ": " + text);
            }
            List<float[]> vectors = new ArrayList<>();
            for (JsonNode embedding : embeddings) {
                float[] vector = new float[embedding.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = embedding.get(i).floatValue();
                }
                vectors.add(vector);
            }
            return vectors;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
