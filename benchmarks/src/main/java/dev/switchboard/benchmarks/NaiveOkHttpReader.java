package dev.switchboard.benchmarks;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The reader most people write first: OkHttp, {@code readUtf8Line()}, Jackson {@code readTree} of
 * each line's text. A reference point, not a style of this project.
 */
public final class NaiveOkHttpReader implements StreamReader {

    private final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private final Request request;

    /** Reads from the replay server at {@code baseUrl} (with {@code /v1}). */
    public NaiveOkHttpReader(String baseUrl) {
        String body = "{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
        request = new Request.Builder().url(baseUrl + "/chat/completions")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    }

    @Override
    public long read(FirstDelta firstDelta) throws IOException {
        long deltas = 0;
        try (Response response = http.newCall(request).execute()) {
            BufferedSource source = response.body().source();
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String data = line.substring(6);
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode content = mapper.readTree(data).path("choices").path(0).path("delta").path("content");
                if (content.isTextual()) {
                    if (deltas == 0) {
                        firstDelta.at(System.nanoTime());
                    }
                    deltas++;
                }
            }
        }
        return deltas;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
