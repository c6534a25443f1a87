package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;
import okio.BufferedSource;

/**
 * Chat with retrieval on Switchboard's server ({@code serve --demo-model --rag-dir DIR}, see
 * {@code server/README.md}): {@code POST {root}/rag/chat/completions} takes a chat completions body and
 * streams chunks whose first content is a waiting message, sent before the server searches its
 * knowledge base; the answer follows.
 */
public final class RagChat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Asks {@code LLM_BASE_URL} (default the standalone server, {@code http://localhost:8080/v1}). */
    public static void main(String[] args) throws IOException {
        String baseUrl = System.getenv().getOrDefault("LLM_BASE_URL", "http://localhost:8080/v1");
        List<String> pieces = run(baseUrl, "switchboard-demo", "How do I reset my password?");
        System.out.println("waiting message: " + pieces.get(0));
        System.out.println("answer: " + String.join("", pieces.subList(1, pieces.size())));
    }

    /**
     * Sends {@code question} to the RAG route of the server at {@code baseUrl} (its {@code /v1} dropped).
     * @return each non-empty {@code delta.content} in arrival order: the waiting message first, then the answer
     * @throws IOException for a non-2xx status, an error event, or a stream without {@code data: [DONE]}
     */
    public static List<String> run(String baseUrl, String model, String question) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", true)
                .put("max_tokens", 512); // bounds the answer: a model that does not stop cannot fill the context
        body.putArray("messages").addObject().put("role", "user").put("content", question);
        Request request = new Request.Builder().url(baseUrl.replaceFirst("/v1/?$", "") + "/rag/chat/completions")
                .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + ": " + response.body().string());
            }
            BufferedSource source = response.body().source();
            List<String> pieces = new ArrayList<>();
            for (String line; (line = source.readUtf8Line()) != null; ) {
                if (!line.startsWith("data:")) continue; // blank lines end events; comments, event:, id: unused
                String data = line.substring("data:".length()).trim();
                if (data.equals("[DONE]")) return pieces;
                JsonNode chunk = MAPPER.readTree(data);
                if (chunk.has("error")) throw new IOException("error event in the stream: " + data);
                JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                if (content.isTextual() && !content.asText().isEmpty()) pieces.add(content.asText());
            }
            throw new IOException("the stream ended without data: [DONE] after: " + pieces);
        }
    }
}
