package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;

import dev.switchboard.core.Endpoint;

/**
 * Scenario 5, embeddings with the official openai-java SDK: texts in, one vector per text out, in
 * one request.
 *
 * <p>{@code client.embeddings().create(params)} sends {@code POST {baseUrl}/embeddings}. The SDK
 * asks for {@code "encoding_format": "base64"} unless told otherwise; Ollama accepts base64 only
 * from v0.12.7 ({@code shared/reference/ollama-wire.md} section 5), so this example asks for
 * {@code float}, which every server speaks. {@code data[i].index} is the position of its text in
 * the input. The vector length is the model's: 768 for {@code nomic-embed-text}, 384 for
 * {@code all-minilm}. Use an embedding model: llama-server without {@code --embeddings} answers 501
 * ({@code llama-server-transcripts/18-embeddings-on-chat-server.txt}).
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class Embeddings {

    private Embeddings() {
    }

    /**
     * Embeds three sentences with the endpoint in the environment and prints each vector's length
     * and first values. Environment as in {@link NonStreamingChat#main}, with
     * {@code LLM_EMBEDDING_MODEL} (default {@code all-minilm} for the default URL).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        List<String> texts = List.of(
                "The cat sat on the mat.", "A kitten rested on a rug.", "Stock prices fell today.");
        List<float[]> vectors = run(Endpoint.fromEnvironment(), texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            System.out.println(texts.get(i) + " -> " + v.length + " floats, starting "
                    + Arrays.toString(Arrays.copyOf(v, 3)));
        }
    }

    /**
     * Embeds {@code texts} in one request with {@code endpoint}'s embedding model. Goes to the
     * network once per call.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), embedding model
     * @param texts    the texts; one or more (servers answer 400 to an empty input)
     * @return one vector per text, in the order of {@code texts} (placed by {@code index}); the
     *         length is the model's
     * @throws IllegalStateException if the answer does not hold exactly one vector per text
     * @throws com.openai.errors.OpenAIServiceException for an error status, by status
     * @throws com.openai.errors.OpenAIIoException      if the connection fails or times out
     */
    public static List<float[]> run(Endpoint endpoint, List<String> texts) {
        EmbeddingCreateParams params = EmbeddingCreateParams.builder()
                .model(endpoint.embeddingModel())
                .inputOfArrayOfStrings(texts)
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                .build();
        OpenAIClient client = client(endpoint); // an application shares one client and closes it at shutdown
        try {
            CreateEmbeddingResponse response = client.embeddings().create(params);
            if (response.data().size() != texts.size()) {
                throw new IllegalStateException("expected " + texts.size() + " vectors, got " + response.data().size());
            }
            float[][] vectors = new float[texts.size()][];
            for (Embedding embedding : response.data()) {
                List<Float> values = embedding.embedding();
                float[] vector = new float[values.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = values.get(i);
                }
                vectors[(int) embedding.index()] = vector;
            }
            return new ArrayList<>(Arrays.asList(vectors));
        } finally {
            client.close();
        }
    }

    /**
     * The SDK client, set up for a local model rather than for api.openai.com. Close it when done:
     * it owns a connection pool and threads.
     */
    private static OpenAIClient client(Endpoint endpoint) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(endpoint.baseUrl())            // with /v1, e.g. http://localhost:11434/v1
                .apiKey(endpoint.apiKeyOrPlaceholder()) // the SDK needs a key; Ollama and llama-server ignore it
                .timeout(Timeout.builder()
                        .read(endpoint.readTimeout())   // longest silence between two reads: 120 s, a model may load first
                        .request(Duration.ZERO)         // no whole-call limit (the SDK's is 10 min): long answers go on
                        .build())
                .maxRetries(0) // the SDK's default of 2 would send a timed-out request again: a whole new generation
                .build();
    }
}
