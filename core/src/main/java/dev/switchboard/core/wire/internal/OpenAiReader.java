package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
import dev.switchboard.core.wire.ErrorBody;
import dev.switchboard.core.wire.ThinkTagSplitter;

/** Reads {@code /v1} responses, as a client; see {@link dev.switchboard.core.wire.OpenAiWire}. */
public final class OpenAiReader {

    private static final Set<String> RESPONSE_FIELDS = Set.of("id", "object", "created", "model",
            "system_fingerprint", "choices", "usage");

    private OpenAiReader() {
    }

    /** A non-streaming {@code chat.completion}. */
    public static ChatResponse chatResponse(byte[] body) {
        JsonNode root = object(body, "chat response");
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw malformed(root.has("error") ? "chat response is an error" : "chat response has no choices[0].message",
                    body);
        }
        String content = contentText(message.get("content"), body);
        String reasoning = joinReasoning(textOrNull(message.get("reasoning_content")),
                textOrNull(message.get("reasoning")));
        if (content != null && content.contains("<think>")) {
            String[] split = ThinkTagSplitter.splitWhole(content);
            reasoning = joinReasoning(reasoning, split[0]);
            content = split[1];
        }
        List<ToolCall> calls = toolCalls(message.get("tool_calls"), body);
        Map<String, Object> extensions = others(root, RESPONSE_FIELDS);
        return new ChatResponse(textOrNull(root.get("id")), textOrNull(root.get("model")),
                new ChatMessage.AssistantMessage(content, reasoning, calls),
                FinishReason.fromWire(textOrNull(choice.get("finish_reason"))), usage(root.get("usage")), extensions);
    }

    /** The top-level fields of {@code root} not in {@code known} and not null, as plain values. */
    static Map<String, Object> others(JsonNode root, Set<String> known) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey()) && !e.getValue().isNull()) {
                out.put(e.getKey(), Json.plain(e.getValue()));
            }
        }
        return out;
    }

    /** An embeddings response; vectors ordered by {@code data[].index}; float arrays or base64. */
    public static EmbeddingResponse embeddingResponse(byte[] body) {
        JsonNode root = object(body, "embeddings response");
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw malformed("embeddings response has no 'data' array", body);
        }
        float[][] ordered = new float[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").isIntegralNumber() ? item.path("index").intValue() : i;
            if (index < 0 || index >= ordered.length || ordered[index] != null) {
                throw malformed("embeddings response has a bad or repeated data[].index " + index, body);
            }
            ordered[index] = vector(item.get("embedding"), body);
        }
        JsonNode u = root.get("usage");
        Usage usage = null;
        if (u != null && u.isObject()) {
            int prompt = u.path("prompt_tokens").asInt(0);
            usage = new Usage(prompt, 0, u.path("total_tokens").asInt(prompt));
        }
        return new EmbeddingResponse(textOrNull(root.get("model")), List.of(ordered), usage);
    }

    /** A {@code GET /v1/models} body; {@code "data": null} (Ollama with no models) is an empty list. */
    public static List<ModelInfo> models(byte[] body) {
        JsonNode root = object(body, "models response");
        if (!root.has("data")) {
            throw malformed("models response has no 'data'", body);
        }
        JsonNode data = root.get("data");
        List<ModelInfo> models = new ArrayList<>();
        if (data.isNull()) {
            return models;
        }
        if (!data.isArray()) {
            throw malformed("models response 'data' is not an array", body);
        }
        for (JsonNode m : data) {
            String id = textOrNull(m.get("id"));
            if (id == null) {
                throw malformed("models response has an entry without 'id'", body);
            }
            models.add(new ModelInfo(id, textOrNull(m.get("owned_by")), m.path("created").asLong(0)));
        }
        return List.copyOf(models);
    }

    /** Either error envelope, or a body's text; never throws. */
    public static ErrorBody error(byte[] body) {
        if (body == null || body.length == 0) {
            return new ErrorBody(null, null);
        }
        JsonNode root;
        try {
            root = Json.tree(body, 0, body.length);
        } catch (IOException | RuntimeException notJson) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return new ErrorBody(null, null);
            }
            return new ErrorBody(text.length() > 500 ? text.substring(0, 500) : text, null);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isTextual()) {
            return new ErrorBody(error.textValue(), null);
        }
        JsonNode holder = error != null && error.isObject() ? error : root; // vLLM: top-level message/type
        String message = textOrNull(holder.get("message"));
        String code = textOrNull(holder.get("type"));
        if (code == null && holder.has("code") && !holder.get("code").isNull()) {
            code = holder.get("code").asText();
        }
        if (message == null && error != null && !error.isNull() && !error.isObject()) {
            message = error.asText();
        }
        return new ErrorBody(message, code);
    }

    /** {@code content}: a string, null, or an array of {@code {type:text,text}} parts (joined). */
    static String contentText(JsonNode content, byte[] body) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    sb.append(part.path("text").textValue());
                }
            }
            return sb.toString();
        }
        throw malformed("message content is neither a string nor null", body);
    }

    /** {@code tool_calls} of a {@code /v1} message; arguments as a string (or, tolerated, an object). */
    static List<ToolCall> toolCalls(JsonNode calls, byte[] body) {
        if (calls == null || calls.isNull()) {
            return List.of();
        }
        if (!calls.isArray()) {
            throw malformed("message tool_calls is not an array", body);
        }
        List<ToolCall> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            JsonNode fn = call.path("function");
            String name = textOrNull(fn.get("name"));
            if (name == null) {
                throw malformed("tool_calls[" + i + "] has no function.name", body);
            }
            String id = textOrNull(call.get("id"));
            out.add(new ToolCall(id == null || id.isEmpty() ? "call_" + i : id, name, argumentsText(fn.get("arguments"))));
        }
        return out;
    }

    /** Arguments as JSON text: a string as it is, an object serialised, absent as null. */
    static String argumentsText(JsonNode args) {
        if (args == null || args.isNull()) {
            return null;
        }
        return args.isTextual() ? args.textValue() : Json.text(args);
    }

    static Usage usage(JsonNode u) {
        if (u == null || !u.isObject()) {
            return null;
        }
        int prompt = u.path("prompt_tokens").asInt(0);
        int completion = u.path("completion_tokens").asInt(0);
        return new Usage(prompt, completion, u.path("total_tokens").asInt(prompt + completion));
    }

    private static float[] vector(JsonNode embedding, byte[] body) {
        if (embedding != null && embedding.isArray()) {
            float[] v = new float[embedding.size()];
            for (int j = 0; j < v.length; j++) {
                JsonNode x = embedding.get(j);
                if (!x.isNumber()) {
                    throw malformed("an embedding holds a non-number", body);
                }
                v[j] = x.floatValue();
            }
            return v;
        }
        if (embedding != null && embedding.isTextual()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(embedding.textValue());
            } catch (IllegalArgumentException e) {
                throw new MalformedResponseException("an embedding is not valid base64", Json.payload(body, 0,
                        body.length), e);
            }
            if (raw.length % 4 != 0) {
                throw malformed("a base64 embedding is not a whole number of float32 values", body);
            }
            FloatBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] v = new float[floats.remaining()];
            floats.get(v);
            return v;
        }
        throw malformed("a data[] entry has no 'embedding' array or base64 string", body);
    }

    static String joinReasoning(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null || b.isEmpty() ? null : b;
        }
        return b == null || b.isEmpty() ? a : a + b;
    }

    static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** Parses a response body that must be a JSON object. */
    static JsonNode object(byte[] body, String what) {
        JsonNode root;
        try {
            root = Json.tree(body, 0, body.length);
        } catch (IOException e) {
            throw new MalformedResponseException(what + " is not valid JSON", Json.payload(body, 0, body.length), e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(what + " is not a JSON object", body);
        }
        return root;
    }

    static MalformedResponseException malformed(String message, byte[] body) {
        return new MalformedResponseException(message, Json.payload(body, 0, body.length), null);
    }
}
