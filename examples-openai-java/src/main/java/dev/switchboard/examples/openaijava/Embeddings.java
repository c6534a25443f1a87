package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;

/** Texts in, one vector per text out, in one request, with the official openai-java SDK. */
public final class Embeddings {

    /** Embeds three sentences with {@code LLM_BASE_URL} / {@code LLM_EMBEDDING_MODEL}; prints each vector's start. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_EMBEDDING_MODEL", "all-minilm");
        List<String> texts = List.of("The cat sat on the mat.", "A kitten rested on a rug.", "Stock prices fell today.");
        List<float[]> vectors = run(baseUrl, apiKey, model, texts);
        for (int i = 0; i < texts.size(); i++) {
            System.out.println(texts.get(i) + " -> " + vectors.get(i).length + " floats, the first " + vectors.get(i)[0]);
        }
    }

    /**
     * Embeds one or more {@code texts} with {@code model} at {@code baseUrl} (ending in {@code /v1}) and returns
     * one vector per text, in the order of {@code texts} (all-minilm: 384 floats each). Throws the SDK's
     * {@code OpenAIException}s: for an error status (400 for no texts), a failed or silent connection.
     */
    public static List<float[]> run(String baseUrl, String apiKey, String model, List<String> texts) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl).apiKey(apiKey) // a key is required, even by servers that ignore it
                .timeout(Timeout.builder().read(Duration.ofMinutes(2)).request(Duration.ZERO).build())
                .maxRetries(0).build(); // the default, 2, re-sends a failed request
        EmbeddingCreateParams params = EmbeddingCreateParams.builder().model(model).inputOfArrayOfStrings(texts)
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT) // not the SDK's base64: see the README
                .build();
        try {
            float[][] vectors = new float[texts.size()][];
            for (Embedding embedding : client.embeddings().create(params).data()) {
                float[] vector = new float[embedding.embedding().size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = embedding.embedding().get(i);
                }
                vectors[(int) embedding.index()] = vector; // index: the position of its text in the input
            }
            return Arrays.asList(vectors);
        } finally {
            client.close(); // an application shares one client and closes it at shutdown
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
