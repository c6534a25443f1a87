package dev.switchboard.core.wire.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.wire.InboundChat;
import dev.switchboard.core.wire.WireFormatException;

/** Reads Ollama's native request bodies, as a server; see {@link dev.switchboard.core.wire.OllamaWire}. */
public final class OllamaRequestReader {

    private static final Set<String> CHAT_FIELDS = Set.of("model", "messages", "tools", "format", "options", "stream");
    private static final Set<String> GENERATE_FIELDS = Set.of("model", "prompt", "system", "format", "options",
            "stream");
    /** The {@code options} keys that map onto {@link ChatRequest} fields. */
    private static final Set<String> TYPED_OPTIONS = Set.of("temperature", "top_p", "seed", "stop", "num_predict");

    private OllamaRequestReader() {
    }

    /** A {@code /api/chat} body. */
    public static InboundChat chat(byte[] body) {
        JsonNode root = Fields.body(body);
        List<ChatMessage> messages = MessageReader.messages(root, true);
        List<ToolSpec> tools = MessageReader.tools(root);
        return build(root, messages, tools, CHAT_FIELDS);
    }

    /** A {@code /api/generate} body: {@code system} and {@code prompt} become a system and a user message. */
    public static InboundChat generate(byte[] body) {
        JsonNode root = Fields.body(body);
        String prompt = Fields.string(root, "prompt", "prompt", "prompt");
        if (prompt == null) {
            throw new WireFormatException("'prompt' is required", "prompt", null);
        }
        String system = Fields.string(root, "system", "system", "system");
        List<ChatMessage> messages = new ArrayList<>(2);
        if (system != null && !system.isEmpty()) {
            messages.add(ChatMessage.system(system));
        }
        messages.add(ChatMessage.user(prompt));
        return build(root, messages, List.of(), GENERATE_FIELDS);
    }

    /** A {@code /api/embed} body. */
    public static EmbeddingRequest embed(byte[] body) {
        JsonNode root = Fields.body(body);
        return new EmbeddingRequest(Fields.string(root, "model", "model", "model"), OpenAiRequestReader.input(root));
    }

    private static InboundChat build(JsonNode root, List<ChatMessage> messages, List<ToolSpec> tools,
            Set<String> known) {
        String model = Fields.string(root, "model", "model", "model");
        ResponseFormat format = format(root.get("format"));
        Boolean stream = Fields.bool(root, "stream", "stream", "stream");
        Double temperature = null;
        Double topP = null;
        Long seed = null;
        Integer maxTokens = null;
        List<String> stop = List.of();
        Map<String, Object> extensions = new LinkedHashMap<>();
        JsonNode options = root.get("options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw Fields.wrong("options", "an object", options, "options");
            }
            temperature = Fields.number(options, "temperature", "options.temperature", "options");
            Fields.range(temperature, 2, "options.temperature");
            topP = Fields.number(options, "top_p", "options.top_p", "options");
            Fields.range(topP, 1, "options.top_p");
            seed = Fields.integer(options, "seed", "options.seed", "options");
            stop = Fields.strings(options, "stop", "options.stop", "options");
            Long numPredict = Fields.integer(options, "num_predict", "options.num_predict", "options");
            if (numPredict != null && numPredict >= 0) { // -1 (unbounded) and -2 (fill the context) mean no limit
                maxTokens = Fields.count(numPredict, "options.num_predict");
            }
            Map<String, Object> rest = new LinkedHashMap<>();
            Fields.extensions(options, TYPED_OPTIONS, rest);
            if (!rest.isEmpty()) {
                extensions.put("options", rest);
            }
        }
        Fields.extensions(root, known, extensions);
        try {
            ChatRequest request = new ChatRequest(model, messages, tools, temperature, topP, maxTokens, stop, seed,
                    format, extensions);
            return new InboundChat(request, stream == null || stream, true);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireFormatException(e.getMessage(), null, e);
        }
    }

    /** {@code format}: {@code "json"}, a JSON-schema object, or empty/absent for text. */
    private static ResponseFormat format(JsonNode f) {
        if (f == null || f.isNull()) {
            return null;
        }
        if (f.isTextual()) {
            if (f.textValue().isEmpty()) {
                return null;
            }
            if (f.textValue().equals("json")) {
                return ResponseFormat.JSON_OBJECT;
            }
            throw new WireFormatException("'format' must be \"json\" or a JSON schema object, was '" + f.textValue()
                    + "'", "format", null);
        }
        if (!f.isObject()) {
            throw Fields.wrong("format", "\"json\" or a JSON schema object", f, "format");
        }
        return ResponseFormat.jsonSchema("schema", Json.text(f), false);
    }
}
