package dev.switchboard.core.wire.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.wire.InboundChat;
import dev.switchboard.core.wire.InboundEmbedding;
import dev.switchboard.core.wire.WireFormatException;

/** Reads {@code /v1} request bodies, as a server; see {@link dev.switchboard.core.wire.OpenAiWire}. */
public final class OpenAiRequestReader {

    private static final Set<String> CHAT_FIELDS = Set.of("model", "messages", "tools", "temperature", "top_p",
            "max_tokens", "max_completion_tokens", "stop", "seed", "response_format", "stream", "stream_options");

    private OpenAiRequestReader() {
    }

    /** A {@code /v1/chat/completions} body. */
    public static InboundChat chat(byte[] body) {
        JsonNode root = Fields.body(body);
        List<ChatMessage> messages = MessageReader.messages(root, false);
        List<ToolSpec> tools = MessageReader.tools(root);
        String model = Fields.string(root, "model", "model", "model");
        Double temperature = Fields.number(root, "temperature", "temperature", "temperature");
        Fields.range(temperature, 2, "temperature");
        Double topP = Fields.number(root, "top_p", "top_p", "top_p");
        Fields.range(topP, 1, "top_p");
        Integer maxTokens = Fields.count(Fields.integer(root, "max_tokens", "max_tokens", "max_tokens"), "max_tokens");
        if (maxTokens == null) {
            maxTokens = Fields.count(Fields.integer(root, "max_completion_tokens", "max_completion_tokens",
                    "max_completion_tokens"), "max_completion_tokens");
        }
        List<String> stop = Fields.strings(root, "stop", "stop", "stop");
        Long seed = Fields.integer(root, "seed", "seed", "seed");
        ResponseFormat format = responseFormat(root.get("response_format"));
        Boolean stream = Fields.bool(root, "stream", "stream", "stream");
        boolean includeUsage = Fields.includeUsage(root);
        Map<String, Object> extensions = new LinkedHashMap<>();
        Fields.extensions(root, CHAT_FIELDS, extensions);
        try {
            ChatRequest request = new ChatRequest(model, messages, tools, temperature, topP, maxTokens, stop, seed,
                    format, extensions);
            return new InboundChat(request, stream != null && stream, includeUsage);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireFormatException(e.getMessage(), null, e);
        }
    }

    /** A {@code /v1/embeddings} body. */
    public static InboundEmbedding embedding(byte[] body) {
        JsonNode root = Fields.body(body);
        String model = Fields.string(root, "model", "model", "model");
        List<String> input = input(root);
        String format = Fields.string(root, "encoding_format", "encoding_format", "encoding_format");
        boolean base64 = false;
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            if (f.equals("base64")) {
                base64 = true;
            } else if (!f.equals("float")) {
                throw new WireFormatException("'encoding_format' must be 'float' or 'base64', was '" + format + "'",
                        "encoding_format", null);
            }
        }
        return new InboundEmbedding(new EmbeddingRequest(model, input), base64);
    }

    /** {@code input}: a string (an empty one included) or a non-empty array of strings. */
    static List<String> input(JsonNode root) {
        JsonNode v = root.get("input");
        if (v == null || v.isNull()) {
            throw new WireFormatException("'input' is required", "input", null);
        }
        List<String> input = new ArrayList<>();
        if (v.isTextual()) {
            input.add(v.textValue());
            return input;
        }
        if (!v.isArray()) {
            throw Fields.wrong("input", "a string or an array of strings", v, "input");
        }
        if (v.isEmpty()) {
            throw new WireFormatException("'input' must not be empty", "input", null);
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw Fields.wrong("input[" + i + "]", "a string (token arrays are not supported)", v.get(i), "input");
            }
            input.add(v.get(i).textValue());
        }
        return input;
    }

    /** {@code response_format}: {@code {type: text | json_object | json_schema{name, schema, strict}}}. */
    static ResponseFormat responseFormat(JsonNode f) {
        if (f == null || f.isNull()) {
            return null;
        }
        if (!f.isObject()) {
            throw Fields.wrong("response_format", "an object", f, "response_format");
        }
        String type = Fields.string(f, "type", "response_format.type", "response_format");
        if (type == null) {
            throw new WireFormatException("'response_format.type' is required", "response_format", null);
        }
        switch (type) {
            case "text":
                return ResponseFormat.TEXT;
            case "json_object":
                return ResponseFormat.JSON_OBJECT;
            case "json_schema":
                JsonNode js = f.get("json_schema");
                if (js == null || !js.isObject()) {
                    throw Fields.wrong("response_format.json_schema", "an object", js, "response_format");
                }
                JsonNode schema = js.get("schema");
                if (schema == null || !schema.isObject()) {
                    throw Fields.wrong("response_format.json_schema.schema", "an object", schema, "response_format");
                }
                String name = Fields.string(js, "name", "response_format.json_schema.name", "response_format");
                Boolean strict = Fields.bool(js, "strict", "response_format.json_schema.strict", "response_format");
                return ResponseFormat.jsonSchema(name == null ? "response" : name, Json.text(schema),
                        strict != null && strict);
            default:
                throw new WireFormatException("'response_format.type' must be one of text, json_object, json_schema; was '"
                        + type + "'", "response_format", null);
        }
    }
}
