package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.EngineHealth;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.ReasoningShape;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.examples.ExampleMain;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * requests.http, the Postman collection and curl.sh, each sent to the scripted server with its
 * variables set to that server: every request must succeed with a body of the expected shape, every
 * file must hold all eight requests, and each of its four chat requests must bound its answer
 * ({@code max_tokens}, Ollama's {@code options.num_predict}; issue 16), as the server decoded it.
 */
@Timeout(180) // each child runs at most ExampleMain.TIMEOUT_SECONDS; this bounds the rest
class RequestFilesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Set<String> ALL_KINDS = Set.of("models", "chat", "stream", "tools", "embeddings",
            "ollama-chat", "ollama-embed", "ollama-tags");

    private static final int CHATS_PER_FILE = 4; // chat, stream, tools, Ollama native chat
    private static final RecordingEngine ENGINE = new RecordingEngine(new ScriptedEngine());
    private static SwitchboardServer server;
    private static Map<String, String> variables;

    /** One request, variables already replaced. */
    private record HttpRequest(String name, String method, String url, Map<String, String> headers, String body) {
    }

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(ENGINE);
        variables = Map.of(
                "baseUrl", server.openAiBaseUrl(),
                "rootUrl", server.rootUrl(),
                "apiKey", "test-key",
                "model", ScriptedEngine.MODEL,
                "embeddingModel", ScriptedEngine.EMBEDDING_MODEL);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        ENGINE.maxTokens.clear();
    }

    /** The {@code max_tokens} of each chat request the server received since the test began. */
    private static void assertEveryChatBoundsItsAnswer() {
        assertThat(ENGINE.maxTokens).as("max_tokens of each chat request").hasSize(CHATS_PER_FILE).containsOnly(512);
    }

    @Test
    void everyRequestOfRequestsHttpSucceedsWithTheExpectedShape() throws IOException {
        List<HttpRequest> requests = parseRequestsHttp(Files.readString(MODULE.resolve("requests.http")));

        assertThat(sendAll(requests)).isEqualTo(ALL_KINDS);
        assertEveryChatBoundsItsAnswer();
    }

    @Test
    void everyRequestOfThePostmanCollectionSucceedsWithTheExpectedShape() throws IOException {
        List<HttpRequest> requests = parsePostman(MAPPER.readTree(MODULE.resolve("switchboard.postman_collection.json").toFile()));

        assertThat(sendAll(requests)).isEqualTo(ALL_KINDS);
        assertEveryChatBoundsItsAnswer();
    }

    @Test
    void curlShRunsEveryRequestAgainstTheServer() throws Exception {
        Assumptions.assumeTrue(onPath("bash"), "bash is not on the PATH: curl.sh not run");
        Assumptions.assumeTrue(onPath("curl"), "curl is not on the PATH: curl.sh not run");
        ProcessBuilder builder = new ProcessBuilder("bash", "curl.sh").directory(MODULE.toFile()).redirectErrorStream(true);
        builder.environment().put("BASE_URL", server.openAiBaseUrl());
        builder.environment().remove("ROOT_URL"); // derived from BASE_URL
        builder.environment().put("API_KEY", "test-key");
        builder.environment().put("MODEL", ScriptedEngine.MODEL);
        builder.environment().put("EMBEDDING_MODEL", ScriptedEngine.EMBEDDING_MODEL);
        ExampleMain run = ExampleMain.run(builder, "curl.sh");
        String output = run.output();

        assertThat(run.exitCode()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains(
                "### List models", "\"id\":\"scripted\"",
                "### Non-streaming chat", "You said: Why is the sky blue? Answer in one sentence.",
                "### Streaming chat", "data: [DONE]",
                "### Tool call", "\"name\":\"get_weather\"",
                "### Embeddings", "\"embedding\":[",
                "### Ollama native chat", "\"done\":true",
                "### Ollama native embeddings", "\"embeddings\":[[",
                "### Ollama native model list", "\"models\":[");
        assertEveryChatBoundsItsAnswer();
    }

    @Test
    void curlShStopsWithAnErrorOnAnErrorStatus() throws Exception {
        Assumptions.assumeTrue(onPath("bash"), "bash is not on the PATH: curl.sh not run");
        Assumptions.assumeTrue(onPath("curl"), "curl is not on the PATH: curl.sh not run");
        ProcessBuilder builder = new ProcessBuilder("bash", "curl.sh").directory(MODULE.toFile()).redirectErrorStream(true);
        builder.environment().put("BASE_URL", server.openAiBaseUrl());
        builder.environment().put("MODEL", "no-such-model");
        ExampleMain run = ExampleMain.run(builder, "curl.sh");
        String output = run.output();

        assertThat(run.exitCode()).as("exit code; output:%n%s", output).isNotZero();
        assertThat(output).contains("no-such-model").doesNotContain("### Streaming chat");
    }

    /** Sends each request, checks its status and shape, and returns the kinds seen. */
    private static Set<String> sendAll(List<HttpRequest> requests) throws IOException {
        Set<String> kinds = new LinkedHashSet<>();
        for (HttpRequest r : requests) {
            assertThat(r.url() + r.body() + r.headers()).as(r.name()).doesNotContain("{{");
            if (r.url().startsWith(server.openAiBaseUrl())) {
                assertThat(r.headers()).as(r.name()).containsEntry("Authorization", "Bearer test-key");
            }
            Request.Builder request = new Request.Builder().url(r.url());
            r.headers().forEach(request::header);
            if (r.method().equals("POST")) {
                request.post(RequestBody.create(r.body(), MediaType.get("application/json")));
            } else {
                assertThat(r.method()).as(r.name()).isEqualTo("GET");
            }
            try (Response response = HTTP.newCall(request.build()).execute()) {
                String body = response.body().string();
                assertThat(response.code()).as("%s: %s", r.name(), body).isBetween(200, 299);
                assertThat(kinds.add(checkShape(r, body))).as("a second request of its kind: " + r.name()).isTrue();
            }
        }
        return kinds;
    }

    /** Asserts the body has the shape {@code request} asks for; returns the request's kind. */
    private static String checkShape(HttpRequest request, String body) throws IOException {
        String path = request.url().substring(server.rootUrl().length());
        switch (path) {
            case "/v1/models":
                assertThat(MAPPER.readTree(body).path("data").findValuesAsText("id")).contains(ScriptedEngine.MODEL);
                return "models";
            case "/v1/chat/completions": {
                JsonNode sent = MAPPER.readTree(request.body());
                if (sent.path("stream").asBoolean()) {
                    List<String> data = new ArrayList<>();
                    for (String line : body.split("\n")) {
                        if (line.startsWith("data: ")) {
                            data.add(line.substring("data: ".length()));
                        }
                    }
                    assertThat(data).hasSizeGreaterThan(2).last().isEqualTo("[DONE]");
                    StringBuilder text = new StringBuilder();
                    for (String event : data.subList(0, data.size() - 1)) {
                        text.append(MAPPER.readTree(event).path("choices").path(0).path("delta").path("content").asText(""));
                    }
                    assertThat(text.toString()).startsWith("You said: ");
                    return "stream";
                }
                JsonNode message = MAPPER.readTree(body).path("choices").path(0).path("message");
                if (sent.has("tools")) {
                    JsonNode function = message.path("tool_calls").path(0).path("function");
                    assertThat(function.path("name").asText()).isEqualTo("get_weather");
                    assertThat(function.path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
                    return "tools";
                }
                assertThat(message.path("content").asText()).startsWith("You said: ");
                return "chat";
            }
            case "/v1/embeddings": {
                JsonNode data = MAPPER.readTree(body).path("data");
                assertThat(data).hasSize(2);
                assertThat(data.get(1).path("index").asInt()).isEqualTo(1);
                assertThat(data.get(0).path("embedding")).hasSize(ScriptedEngine.EMBEDDING_DIMENSION);
                return "embeddings";
            }
            case "/api/chat": {
                String[] lines = body.strip().split("\n");
                assertThat(lines).hasSizeGreaterThan(2);
                StringBuilder text = new StringBuilder();
                for (String line : lines) {
                    text.append(MAPPER.readTree(line).path("message").path("content").asText(""));
                }
                assertThat(MAPPER.readTree(lines[lines.length - 1]).path("done").asBoolean()).isTrue();
                assertThat(text.toString()).startsWith("You said: ");
                return "ollama-chat";
            }
            case "/api/embed": {
                JsonNode embeddings = MAPPER.readTree(body).path("embeddings");
                assertThat(embeddings).hasSize(2);
                assertThat(embeddings.get(0)).hasSize(ScriptedEngine.EMBEDDING_DIMENSION);
                return "ollama-embed";
            }
            case "/api/tags":
                assertThat(MAPPER.readTree(body).path("models").findValuesAsText("name")).contains(ScriptedEngine.MODEL);
                return "ollama-tags";
            default:
                throw new AssertionError(request.name() + ": a request to an unexpected path " + path);
        }
    }

    /**
     * The requests of a {@code .http} file: {@code @name = value} variables, requests separated by
     * {@code ###} lines (the rest of the line is the name), each a request line, headers, a blank
     * line and the body. Lines starting with {@code #} or {@code //} before the request line are comments.
     */
    private static List<HttpRequest> parseRequestsHttp(String file) {
        List<HttpRequest> requests = new ArrayList<>();
        Map<String, String> declared = new LinkedHashMap<>();
        String[] blocks = file.split("(?m)^###");
        for (String line : blocks[0].split("\n")) {
            Matcher m = Pattern.compile("^@(\\w+)\\s*=\\s*(.*)$").matcher(line.strip());
            if (m.matches()) {
                declared.put(m.group(1), m.group(2));
            }
        }
        assertThat(declared.keySet()).as("the variables requests.http declares").isEqualTo(variables.keySet());
        for (int b = 1; b < blocks.length; b++) {
            String[] lines = blocks[b].split("\n");
            String name = lines[0].strip();
            int i = 1;
            while (lines[i].isBlank() || lines[i].startsWith("#") || lines[i].startsWith("//")) {
                i++;
            }
            String[] requestLine = substitute(lines[i++]).split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            while (i < lines.length && !lines[i].isBlank()) {
                String[] header = lines[i++].split(":", 2);
                headers.put(header[0].strip(), substitute(header[1].strip()));
            }
            StringBuilder body = new StringBuilder();
            while (i < lines.length) {
                body.append(lines[i++]).append('\n');
            }
            requests.add(new HttpRequest(name, requestLine[0], requestLine[1], headers, substitute(body.toString().strip())));
        }
        return requests;
    }

    /**
     * The requests of a Postman v2.1 collection: collection variables, collection-level bearer auth
     * unless a request says {@code noauth}, {@code url.raw} (checked against {@code host} and
     * {@code path}), headers and a raw body.
     */
    private static List<HttpRequest> parsePostman(JsonNode collection) {
        assertThat(collection.path("info").path("schema").asText())
                .isEqualTo("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
        assertThat(collection.path("variable").findValuesAsText("key")).as("the collection variables")
                .containsExactlyInAnyOrderElementsOf(variables.keySet());
        List<HttpRequest> requests = new ArrayList<>();
        for (JsonNode item : collection.path("item")) {
            JsonNode request = item.path("request");
            JsonNode url = request.path("url");
            assertThat(url.path("raw").asText()).as(item.path("name").asText()).isEqualTo(
                    String.join(".", MAPPER.convertValue(url.path("host"), String[].class)) + "/"
                            + String.join("/", MAPPER.convertValue(url.path("path"), String[].class)));
            Map<String, String> headers = new LinkedHashMap<>();
            for (JsonNode header : request.path("header")) {
                headers.put(header.path("key").asText(), substitute(header.path("value").asText()));
            }
            JsonNode auth = request.has("auth") ? request.path("auth") : collection.path("auth");
            if (auth.path("type").asText().equals("bearer")) {
                String token = auth.path("bearer").findValue("value").asText();
                headers.put("Authorization", "Bearer " + substitute(token));
            } else {
                assertThat(auth.path("type").asText()).isEqualTo("noauth");
            }
            requests.add(new HttpRequest(item.path("name").asText(), request.path("method").asText(),
                    substitute(url.path("raw").asText()), headers, substitute(request.path("body").path("raw").asText(""))));
        }
        return requests;
    }

    private static String substitute(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            assertThat(value).as("a value for {{%s}}", m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** The scripted engine, noting the {@code max_tokens} of every chat request the server decoded (null if none). */
    private static final class RecordingEngine implements Engine {
        final List<Integer> maxTokens = Collections.synchronizedList(new ArrayList<>());
        private final Engine delegate;

        RecordingEngine(Engine delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<ModelInfo> models() {
            return delegate.models();
        }

        @Override
        public EngineCall chat(ChatRequest request, EngineSink sink) {
            maxTokens.add(request.maxTokens());
            return delegate.chat(request, sink);
        }

        @Override
        public EmbeddingResponse embed(EmbeddingRequest request) {
            return delegate.embed(request);
        }

        @Override
        public ReasoningShape reasoningShape(String model) {
            return delegate.reasoningShape(model);
        }

        @Override
        public EngineHealth health() {
            return delegate.health();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
