package dev.switchboard.workshop.lessons.lesson01;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;

/**
 * Lesson 1, the wire by hand: the learner writes the body of a chat request,
 * {@code workshop/lessons/01/chat-request.json}, sends it with curl and the {@code .http} file, and
 * this check POSTs it to the endpoint's {@code /chat/completions}.
 *
 * <p>The check looks at: the file is JSON; {@code "model"} is a name (not {@code "TODO"});
 * {@code "messages"} is a non-empty array of objects, each with a known {@code role} and a text
 * {@code content}; {@code "stream"} is absent or false (the check reads one JSON answer); and the
 * server answers 2xx with a non-blank {@code choices[0].message.content}. A 4xx or 5xx is reported
 * with the server's own error message. When the file names a model the endpoint does not serve,
 * the request is sent with the endpoint's model instead and the verdict says so: the file is
 * meant to work with curl against the learner's own server, the check against whichever endpoint
 * the workshop resolved.
 */
public final class Lesson01 implements Lesson<Path> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private final Path moduleDirectory;

    /** The lesson, its files found from the working directory (the workshop module, or the repository root). */
    public Lesson01() {
        this(moduleDirectory());
    }

    /** The lesson, its files under {@code moduleDirectory}{@code /lessons/01}. */
    public Lesson01(Path moduleDirectory) {
        this.moduleDirectory = moduleDirectory;
    }

    /**
     * The workshop module's directory: the working directory when it holds {@code lessons/01} (tests,
     * and {@code exec:java} where Maven runs in the module), else {@code workshop} under it (Maven
     * started at the repository root with {@code -pl workshop}).
     */
    static Path moduleDirectory() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("lessons/01")) || !Files.isDirectory(here.resolve("workshop/lessons/01"))
                ? here : here.resolve("workshop");
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String title() {
        return "The wire by hand";
    }

    @Override
    public Path starter() {
        return moduleDirectory.resolve("lessons/01/chat-request.json");
    }

    @Override
    public Path solution() {
        return moduleDirectory.resolve("lessons/01/solution/chat-request.json");
    }

    @Override
    public Verdict check(Path work, Endpoint endpoint) {
        String text;
        try {
            text = Files.readString(work, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Verdict.failed("cannot read " + work + " (" + e + "): the check runs from the workshop"
                    + " module or the repository root; is the file still there?");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return Verdict.failed(work.getFileName() + " is not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + " (look for a missing comma or quote, or a trailing comma)");
        }
        if (body == null || !body.isObject()) {
            return Verdict.failed(work.getFileName() + " must hold one JSON object, { ... }, the request body");
        }
        List<String> problems = new ArrayList<>();
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank() || model.asText().equals("TODO")) {
            problems.add("no model: set \"model\" to a model your server serves, e.g. \"" + endpoint.chatModel()
                    + "\" here (ollama list shows Ollama's; GET /v1/models any server's)");
        }
        problems.addAll(messageProblems(body.get("messages")));
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isBoolean()) {
            problems.add("\"stream\" must be true or false, without quotes (was " + stream + ")");
        } else if (stream != null && stream.asBoolean()) {
            problems.add("\"stream\": true asks for Server-Sent Events; this file is the non-streaming request the"
                    + " check reads as one JSON answer: set \"stream\": false (try true with curl -N)");
        }
        if (!problems.isEmpty()) {
            return new Verdict(false, problems);
        }
        return send((ObjectNode) body, endpoint);
    }

    private static List<String> messageProblems(JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            return List.of("no messages: set \"messages\" to an array of {\"role\": \"user\", \"content\": \"...\"}"
                    + " objects" + (messages == null ? "" : " (it is " + messages + ")"));
        }
        if (messages.isEmpty()) {
            return List.of("\"messages\" is empty: add at least one {\"role\": \"user\", \"content\": \"...\"}");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!message.isObject()) {
                problems.add("messages[" + i + "] must be an object {\"role\": ..., \"content\": ...}");
            } else if (!ROLES.contains(role)) {
                problems.add("messages[" + i + "] has role '" + role + "': use system, user or assistant");
            } else if (!message.path("content").isTextual() || message.path("content").asText().isBlank()) {
                problems.add("messages[" + i + "] has no text in \"content\"");
            }
        }
        if (problems.isEmpty() && !"user".equals(messages.get(messages.size() - 1).path("role").asText())) {
            problems.add("the last message should be the user's question (role \"user\"): the model answers it");
        }
        return problems;
    }

    private static Verdict send(ObjectNode body, Endpoint endpoint) {
        List<String> findings = new ArrayList<>();
        String written = body.get("model").asText();
        if (endpoint.chatModel() != null && !written.equals(endpoint.chatModel())) {
            body.put("model", endpoint.chatModel());
            findings.add("your file names the model '" + written + "'; the endpoint the check uses serves '"
                    + endpoint.chatModel() + "', so the check sent that (with curl against this endpoint, write '"
                    + endpoint.chatModel() + "')");
        }
        HttpResponse<String> response;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout()).build();
            response = http.send(HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/chat/completions"))
                    .timeout(endpoint.readTimeout().plus(Duration.ofSeconds(5)))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + endpoint.apiKeyOrPlaceholder())
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.failed("interrupted while waiting for the answer");
        } catch (IOException e) {
            return Verdict.failed("POST " + Endpoint.redactUrl(endpoint.baseUrl()) + "/chat/completions failed: " + Explain.exception(e));
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            findings.add("the server answered " + status + " with: " + errorMessage(response.body()) + " — "
                    + hint(status));
            return new Verdict(false, findings);
        }
        JsonNode answer;
        try {
            answer = MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            findings.add("the server answered " + status + " but not with JSON: " + abbreviate(response.body()));
            return new Verdict(false, findings);
        }
        String content = answer.path("choices").path(0).path("message").path("content").asText("");
        if (content.isBlank()) {
            findings.add("the answer has no text in choices[0].message.content: " + abbreviate(response.body()));
            return new Verdict(false, findings);
        }
        findings.add(0, "POST /chat/completions with your body answered " + status + " and choices[0].message.content"
                + " holds the answer (" + content.length() + " characters, finish_reason "
                + answer.path("choices").path(0).path("finish_reason").asText("none") + ")");
        return new Verdict(true, findings);
    }

    /** The server's own words: OpenAI's {@code error.message}, Ollama's {@code error}, else the body. */
    private static String errorMessage(String body) {
        try {
            JsonNode json = MAPPER.readTree(body);
            JsonNode error = json.path("error");
            if (error.isTextual()) {
                return "\"" + error.asText() + "\"";
            }
            if (error.path("message").isTextual()) {
                return "\"" + error.path("message").asText() + "\"";
            }
        } catch (JsonProcessingException notJson) {
            // fall through to the raw body
        }
        return abbreviate(body);
    }

    private static String hint(int status) {
        return switch (status) {
            case 400 -> "the body is JSON but not a request the server accepts: compare it with the lesson's example";
            case 401, 403 -> "send 'Authorization: Bearer <key>' (local servers accept any key, e.g. no-key-required)";
            case 404 -> "the server does not know that model or route: check the model name and that the URL ends in /v1";
            case 429 -> "rate limited: wait and send again";
            default -> status >= 500 ? "the server failed; look at its log and send again" : "see the server's message";
        };
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
