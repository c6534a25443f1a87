package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.wire.OllamaLine;
import dev.switchboard.core.wire.ThinkTagSplitter;

/** Reads Ollama's native responses, as a client; see {@link dev.switchboard.core.wire.OllamaWire}. */
public final class OllamaReader {

    private static final Set<String> LINE_FIELDS = Set.of("model", "created_at", "message", "response", "thinking",
            "tool_calls", "done", "done_reason", "prompt_eval_count", "eval_count", "error");

    private OllamaReader() {
    }

    /** One native tool call as sent: {@code id} and {@code index} may be missing (null / -1). */
    public record RawToolCall(String id, int index, String name, String arguments) {
        /** The call, with {@code "call_" + fallbackIndex} when it has no id. */
        public ToolCall toToolCall(int fallbackIndex) {
            return new ToolCall(id != null && !id.isEmpty() ? id : "call_" + fallbackIndex, name, arguments);
        }
    }

    /** A parsed line: the {@link OllamaLine} fields plus the raw tool calls and an error, if it was one. */
    public record Parsed(String model, String createdAt, boolean hasMessage, String content, String thinking,
            List<RawToolCall> toolCalls, boolean done, String doneReason, Usage usage, Map<String, Object> extensions,
            String error) {

        /** As an {@link OllamaLine}; tool calls without id or index get {@code "call_" + position}. */
        public OllamaLine toLine() {
            List<ToolCall> calls = new ArrayList<>(toolCalls.size());
            for (int i = 0; i < toolCalls.size(); i++) {
                RawToolCall c = toolCalls.get(i);
                calls.add(c.toToolCall(c.index() >= 0 ? c.index() : i));
            }
            return new OllamaLine(model, createdAt, content, thinking, calls, done, doneReason, usage, extensions);
        }
    }

    /**
     * Parses one {@code /api/chat} or {@code /api/generate} line (or whole non-streaming body).
     *
     * @throws MalformedResponseException if it is not JSON, not an object, or has none of
     *         {@code message}, {@code response}, {@code done}, {@code error}
     */
    public static Parsed parse(byte[] buf, int off, int len) {
        JsonNode root;
        try {
            root = Json.tree(buf, off, len);
        } catch (IOException e) {
            throw new MalformedResponseException("Ollama line is not valid JSON", Json.payload(buf, off, len), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException("Ollama line is not a JSON object", Json.payload(buf, off, len), null);
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            String message = error.isTextual() ? error.textValue()
                    : error.path("message").isTextual() ? error.path("message").textValue() : Json.text(error);
            return new Parsed(null, null, false, "", null, List.of(), false, null, null, Map.of(), message);
        }
        JsonNode message = root.get("message");
        JsonNode response = root.get("response");
        if (message == null && response == null && !root.has("done")) {
            throw new MalformedResponseException("Ollama line has none of message, response, done",
                    Json.payload(buf, off, len), null);
        }
        JsonNode holder = message != null && message.isObject() ? message : root;
        String content = OpenAiReader.textOrNull(message != null && message.isObject() ? message.get("content") : response);
        List<RawToolCall> calls = toolCalls(holder.get("tool_calls"), buf, off, len);
        Usage usage = null;
        if (root.has("prompt_eval_count") || root.has("eval_count")) {
            usage = Usage.of(root.path("prompt_eval_count").asInt(0), root.path("eval_count").asInt(0));
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!LINE_FIELDS.contains(e.getKey()) && !e.getValue().isNull()) {
                extensions.put(e.getKey(), Json.plain(e.getValue()));
            }
        }
        return new Parsed(OpenAiReader.textOrNull(root.get("model")), OpenAiReader.textOrNull(root.get("created_at")),
                message != null && message.isObject(), content == null ? "" : content,
                OpenAiReader.textOrNull(holder.get("thinking")), calls, root.path("done").asBoolean(false),
                OpenAiReader.textOrNull(root.get("done_reason")), usage, extensions, null);
    }

    /** A non-streaming {@code /api/chat} body. */
    public static ChatResponse chatResponse(byte[] body) {
        Parsed p = parse(body, 0, body.length);
        if (p.error() != null) {
            throw new MalformedResponseException("Ollama chat response is an error: " + p.error(),
                    Json.payload(body, 0, body.length), null);
        }
        if (!p.hasMessage()) {
            throw new MalformedResponseException("Ollama chat response has no message", Json.payload(body, 0,
                    body.length), null);
        }
        OllamaLine line = p.toLine();
        String content = line.content();
        String reasoning = line.thinking() == null || line.thinking().isEmpty() ? null : line.thinking();
        if (content.contains("<think>")) {
            String[] split = ThinkTagSplitter.splitWhole(content);
            reasoning = OpenAiReader.joinReasoning(reasoning, split[0]);
            content = split[1];
        }
        Map<String, Object> extensions = new LinkedHashMap<>(line.extensions());
        if (line.createdAt() != null) {
            extensions.put("created_at", line.createdAt());
        }
        return new ChatResponse(null, line.model(), new ChatMessage.AssistantMessage(content, reasoning,
                line.toolCalls()), finishReason(line.doneReason(), !line.toolCalls().isEmpty()), line.usage(),
                extensions);
    }

    /**
     * Ollama's {@code done_reason} as a finish reason: {@code length} is LENGTH; {@code stop}, empty
     * or absent are STOP, or TOOL_CALLS when the turn called tools (Ollama's own rule, ollama-wire.md
     * 3.4); {@code load}, {@code unload} and others are OTHER.
     */
    public static FinishReason finishReason(String doneReason, boolean calledTools) {
        if (doneReason == null || doneReason.isEmpty() || doneReason.equals("stop")) {
            return calledTools ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        }
        return doneReason.equals("length") ? FinishReason.LENGTH : FinishReason.fromWire(doneReason);
    }

    /** A {@code /api/embed} response. */
    public static EmbeddingResponse embedResponse(byte[] body) {
        JsonNode root = OpenAiReader.object(body, "Ollama embed response");
        JsonNode embeddings = root.get("embeddings");
        if (embeddings == null || !embeddings.isArray()) {
            throw OpenAiReader.malformed("Ollama embed response has no 'embeddings' array", body);
        }
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (JsonNode e : embeddings) {
            if (!e.isArray()) {
                throw OpenAiReader.malformed("Ollama embed response holds a vector that is not an array", body);
            }
            float[] v = new float[e.size()];
            for (int j = 0; j < v.length; j++) {
                if (!e.get(j).isNumber()) {
                    throw OpenAiReader.malformed("Ollama embed response holds a non-number", body);
                }
                v[j] = e.get(j).floatValue();
            }
            vectors.add(v);
        }
        Usage usage = null;
        if (root.path("prompt_eval_count").isIntegralNumber()) {
            int n = root.path("prompt_eval_count").intValue();
            usage = new Usage(n, 0, n);
        }
        return new EmbeddingResponse(OpenAiReader.textOrNull(root.get("model")), vectors, usage);
    }

    /** A {@code GET /api/tags} body (llama-server's {@code /v1/models} also carries such a {@code models} array). */
    public static List<ModelInfo> tags(byte[] body) {
        JsonNode root = OpenAiReader.object(body, "Ollama tags response");
        if (!root.has("models")) {
            throw OpenAiReader.malformed("Ollama tags response has no 'models'", body);
        }
        JsonNode models = root.get("models");
        List<ModelInfo> out = new ArrayList<>();
        if (models.isNull()) {
            return out;
        }
        if (!models.isArray()) {
            throw OpenAiReader.malformed("Ollama tags response 'models' is not an array", body);
        }
        for (JsonNode m : models) {
            String name = OpenAiReader.textOrNull(m.get("name"));
            if (name == null || name.isEmpty()) {
                name = OpenAiReader.textOrNull(m.get("model"));
            }
            if (name == null) {
                throw OpenAiReader.malformed("Ollama tags response has a model without 'name'", body);
            }
            out.add(new ModelInfo(name, null, epochSeconds(OpenAiReader.textOrNull(m.get("modified_at")))));
        }
        return List.copyOf(out);
    }

    private static long epochSeconds(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return 0;
        }
        try {
            return OffsetDateTime.parse(rfc3339).toEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static List<RawToolCall> toolCalls(JsonNode calls, byte[] buf, int off, int len) {
        if (calls == null || calls.isNull()) {
            return List.of();
        }
        if (!calls.isArray()) {
            throw new MalformedResponseException("Ollama line tool_calls is not an array", Json.payload(buf, off, len),
                    null);
        }
        List<RawToolCall> out = new ArrayList<>(calls.size());
        for (JsonNode call : calls) {
            JsonNode fn = call.path("function");
            String name = OpenAiReader.textOrNull(fn.get("name"));
            if (name == null) {
                throw new MalformedResponseException("Ollama tool call has no function.name",
                        Json.payload(buf, off, len), null);
            }
            int index = fn.path("index").isIntegralNumber() ? fn.path("index").intValue()
                    : call.path("index").isIntegralNumber() ? call.path("index").intValue() : -1;
            out.add(new RawToolCall(OpenAiReader.textOrNull(call.get("id")), index, name,
                    OpenAiReader.argumentsText(fn.get("arguments"))));
        }
        return out;
    }
}
