package dev.switchboard.benchmarks;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The reader most people write first, as the raw-http {@code StreamingChat} example does: per call a
 * Jackson {@code ObjectNode} body written to text and an OkHttp request with the
 * {@code Authorization} and {@code Accept} headers; then {@code readUtf8Line()} and Jackson {@code readTree} of each
 * line's text. A reference point, not a style of this project.
 *
 * <p>{@link #reSending} makes the variant that builds one request at construction and re-sends it
 * on every call: no program that sends its user's messages can do that, so it is a lower bound for
 * the time from the call, printed beside the target, not the target.
 */
public final class NaiveOkHttpReader implements StreamReader {

    private static final MediaType JSON = MediaType.get("application/json");

    private final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private final String url;
    /** Null: a request is built per call. */
    private final Request prebuilt;

    /** Reads from the replay server at {@code baseUrl} (with {@code /v1}), building each call's request. */
    public NaiveOkHttpReader(String baseUrl) {
        this(baseUrl, false);
    }

    private NaiveOkHttpReader(String baseUrl, boolean reSend) {
        this.url = baseUrl + "/chat/completions";
        this.prebuilt = reSend ? request() : null;
    }

    /** The variant that re-sends one request built here, at construction, on every call. */
    public static NaiveOkHttpReader reSending(String baseUrl) {
        return new NaiveOkHttpReader(baseUrl, true);
    }

    @Override
    public long read(FirstDelta firstDelta) throws IOException {
        Request request = prebuilt != null ? prebuilt : request();
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

    /** One user message, as {@code StreamingChat.run} builds it. */
    private Request request() {
        ObjectNode body = mapper.createObjectNode().put("model", "bench").put("stream", true);
        body.putArray("messages").addObject().put("role", "user").put("content", "go");
        try {
            return new Request.Builder().url(url)
                    .header("Authorization", "Bearer no-key-required")
                    .header("Accept", "text/event-stream")
                    .post(RequestBody.create(mapper.writeValueAsString(body), JSON))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
