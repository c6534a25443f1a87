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
 * Scenario 5, embeddings: texts in, one vector of floats per text out, in one request.
 *
 * <p>Sends {@code POST {baseUrl}/embeddings} with {@code {"model": ..., "input": [texts]}} and reads
 * {@code data[i].embedding} (an array of numbers; floats are the default encoding) and
 * {@code data[i].index} (the position of its text in {@code input}). (OpenAI Embeddings; Ollama and
 * llama-server send the same, see {@code shared/reference/ollama-wire.md} section 5 and
 * {@code shared/reference/llama-server-transcripts/20-embeddings-batch.txt}.) The vector length is
 * the model's, not chosen here: 768 for {@code nomic-embed-text}, 384 for {@code all-minilm}.
 *
 * <p>Use an embedding model: a chat model may be refused (llama-server without {@code --embeddings}
 * answers 501) or give poor vectors.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class Embeddings {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One client for the whole program. The read timeout is the longest wait for the next bytes (per
     * read, not for the whole call): generous, because a local model may load before it answers.
     */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private Embeddings() {
    }

    /**
     * Embeds three sentences with the endpoint in {@code LLM_BASE_URL} and prints each vector's
     * length and first values. Environment: {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}), {@code LLM_API_KEY} (default {@code no-key-required}),
     * {@code LLM_EMBEDDING_MODEL} (default {@code all-minilm}).
     *
     * @param args ignored
     * @throws IOException if the request fails; see {@link #run}
     */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_EMBEDDING_MODEL", "all-minilm");
        List<String> texts = List.of(
                "The cat sat on the mat.", "A kitten rested on a rug.", "Stock prices fell today.");
        List<float[]> vectors = run(baseUrl, apiKey, model, texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            System.out.println(texts.get(i) + " -> " + v.length + " floats, starting "
                    + Arrays.toString(Arrays.copyOf(v, 3)));
        }
    }

    /**
     * Embeds {@code texts} in one request. Goes to the network once per call.
     *
     * @param baseUrl the OpenAI-compatible base URL, with {@code /v1} (e.g. {@code http://localhost:11434/v1})
     * @param apiKey  sent as {@code Authorization: Bearer <apiKey>}; local servers ignore it, but send one
     * @param model   an embedding model, e.g. {@code nomic-embed-text}
     * @param texts   the texts; one or more (servers answer 400 to an empty input)
     * @return one vector per text, in the order of {@code texts} (sorted by {@code index}, whatever
     *         order the server lists them in); the length is the model's
     * @throws IOException if the server cannot be reached, a read waits over 120 s, the status is not
     *                     2xx (status and body in the message), or the answer does not hold exactly
     *                     one vector for each text
     */
    public static List<float[]> run(String baseUrl, String apiKey, String model, List<String> texts)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);

        Request request = new Request.Builder()
                .url(baseUrl + "/embeddings")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON))
                .build();

        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
            }
            JsonNode data = MAPPER.readTree(text).path("data");
            if (data.size() != texts.size()) {
                throw new IOException("expected " + texts.size() + " vectors, got " + data.size() + ": " + text);
            }
            float[][] vectors = new float[texts.size()][];
            for (JsonNode item : data) {
                int index = item.path("index").asInt(-1);
                if (index < 0 || index >= vectors.length || vectors[index] != null) {
                    throw new IOException("bad or repeated index " + item.path("index") + " in: " + text);
                }
                JsonNode embedding = item.path("embedding");
                float[] vector = new float[embedding.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = embedding.get(i).floatValue();
                }
                vectors[index] = vector;
            }
            return new ArrayList<>(Arrays.asList(vectors));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
