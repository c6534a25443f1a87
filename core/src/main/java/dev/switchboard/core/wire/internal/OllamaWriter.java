package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.wire.OllamaLine;

/** Writes Ollama's native JSON; see {@link dev.switchboard.core.wire.OllamaWire} for the contract. */
public final class OllamaWriter {

    private static final Set<String> REQUEST_FIELDS = Set.of("model", "messages", "tools", "format", "options",
            "stream", "prompt", "system");
    /** Line fields written from the record, so extensions of these names are skipped. */
    private static final Set<String> LINE_FIELDS = Set.of("model", "created_at", "message", "response", "thinking",
            "tool_calls", "done", "done_reason", "total_duration", "load_duration", "prompt_eval_count",
            "prompt_eval_duration", "eval_count", "eval_duration", "context", "error");

    private OllamaWriter() {
    }

    /** The body of {@code POST /api/chat}. */
    public static byte[] chatRequest(ChatRequest r, boolean stream) {
        Map<String, Object> options = options(r);
        return Json.write(g -> {
            g.writeStartObject();
            if (r.model() != null) {
                g.writeStringField("model", r.model());
            }
            g.writeArrayFieldStart("messages");
            List<ChatMessage> messages = r.messages();
            for (int i = 0; i < messages.size(); i++) {
                writeMessage(g, messages.get(i), messages.subList(0, i));
            }
            g.writeEndArray();
            if (!r.tools().isEmpty()) {
                g.writeArrayFieldStart("tools");
                for (ToolSpec tool : r.tools()) {
                    Writes.writeTool(g, tool);
                }
                g.writeEndArray();
            }
            writeFormat(g, r.responseFormat());
            if (!options.isEmpty()) {
                g.writeFieldName("options");
                Json.writeValue(g, options);
            }
            g.writeBooleanField("stream", stream);
            Writes.writeExtensions(g, r.extensions(), REQUEST_FIELDS);
            g.writeEndObject();
        });
    }

    /** One {@code /api/chat} line, in Ollama's field order (ollama-wire.md 7.2). */
    public static byte[] chatLine(OllamaLine l) {
        return Json.write(g -> {
            g.writeStartObject();
            writeHead(g, l);
            g.writeObjectFieldStart("message");
            g.writeStringField("role", "assistant");
            g.writeStringField("content", l.content() == null ? "" : l.content());
            if (l.thinking() != null && !l.thinking().isEmpty()) {
                g.writeStringField("thinking", l.thinking());
            }
            writeToolCalls(g, l.toolCalls(), l.firstToolCallIndex());
            g.writeEndObject();
            writeTail(g, l);
            g.writeEndObject();
        });
    }

    /** One {@code /api/generate} line, in Ollama's field order (ollama-wire.md 8). */
    public static byte[] generateLine(OllamaLine l) {
        return Json.write(g -> {
            g.writeStartObject();
            writeHead(g, l);
            g.writeStringField("response", l.content() == null ? "" : l.content());
            if (l.thinking() != null && !l.thinking().isEmpty()) {
                g.writeStringField("thinking", l.thinking());
            }
            writeTail(g, l);
            writeToolCalls(g, l.toolCalls(), l.firstToolCallIndex());
            g.writeEndObject();
        });
    }

    /**
     * The body of {@code POST /api/embed}: the same {@code {"model", "input": [...]}} as
     * {@code /v1/embeddings} ({@code core/src/test/resources/reference/ollama-wire.md} sections 5
     * and 9).
     */
    public static byte[] embedRequest(EmbeddingRequest r) {
        return OpenAiWriter.embeddingRequest(r);
    }

    /** A {@code /api/embed} response: {@code model}, {@code embeddings}, {@code prompt_eval_count}. */
    public static byte[] embedResponse(EmbeddingResponse r) {
        return Json.write(g -> {
            g.writeStartObject();
            if (r.model() != null) {
                g.writeStringField("model", r.model());
            }
            g.writeArrayFieldStart("embeddings");
            for (float[] v : r.vectors()) {
                Writes.writeFloats(g, v);
            }
            g.writeEndArray();
            if (r.usage() != null) {
                g.writeNumberField("prompt_eval_count", r.usage().promptTokens());
            }
            g.writeEndObject();
        });
    }

    /** A {@code GET /api/tags} body (ollama-wire.md 11). */
    public static byte[] tags(List<ModelInfo> models) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("models");
            for (ModelInfo m : models) {
                g.writeStartObject();
                g.writeStringField("name", m.id());
                g.writeStringField("model", m.id());
                g.writeStringField("modified_at", Instant.ofEpochSecond(m.created()).toString());
                g.writeNumberField("size", 0);
                g.writeStringField("digest", sha256(m.id()));
                g.writeObjectFieldStart("details");
                g.writeStringField("parent_model", "");
                g.writeStringField("format", "gguf");
                g.writeStringField("family", "");
                g.writeArrayFieldStart("families");
                g.writeEndArray();
                g.writeStringField("parameter_size", "");
                g.writeStringField("quantization_level", "");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code {"error":"..."}}. */
    public static byte[] error(String message) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message == null ? "" : message);
            g.writeEndObject();
        });
    }

    /** The {@code options} object: the {@code options} extension merged with the typed fields (which win). */
    private static Map<String, Object> options(ChatRequest r) {
        Map<String, Object> options = new LinkedHashMap<>();
        Object extra = r.extensions().get("options");
        if (extra instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) extra).entrySet()) {
                options.put(String.valueOf(e.getKey()), e.getValue());
            }
        } else if (extra != null) {
            throw new IllegalArgumentException("extension 'options' must be a map, was " + extra.getClass().getName());
        }
        if (r.maxTokens() != null) {
            options.put("num_predict", r.maxTokens());
        }
        if (r.seed() != null) {
            options.put("seed", r.seed());
        }
        if (!r.stop().isEmpty()) {
            options.put("stop", r.stop());
        }
        if (r.temperature() != null) {
            options.put("temperature", r.temperature());
        }
        if (r.topP() != null) {
            options.put("top_p", r.topP());
        }
        return options;
    }

    private static void writeFormat(JsonGenerator g, ResponseFormat f) throws IOException {
        if (f instanceof ResponseFormat.JsonObject) {
            g.writeStringField("format", "json");
        } else if (f instanceof ResponseFormat.JsonSchema) {
            g.writeFieldName("format");
            Writes.writeJsonText(g, ((ResponseFormat.JsonSchema) f).schemaJson(), "response_format schema");
        }
    }

    private static void writeMessage(JsonGenerator g, ChatMessage m, List<ChatMessage> earlier) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", m.role());
        if (m instanceof ChatMessage.SystemMessage) {
            g.writeStringField("content", ((ChatMessage.SystemMessage) m).content());
        } else if (m instanceof ChatMessage.UserMessage) {
            g.writeStringField("content", ((ChatMessage.UserMessage) m).content());
        } else if (m instanceof ChatMessage.AssistantMessage) {
            ChatMessage.AssistantMessage a = (ChatMessage.AssistantMessage) m;
            g.writeStringField("content", a.content() == null ? "" : a.content());
            writeToolCalls(g, a.toolCalls(), 0);
        } else {
            ChatMessage.ToolMessage t = (ChatMessage.ToolMessage) m;
            g.writeStringField("content", t.content());
            String name = toolName(earlier, t.toolCallId());
            if (name != null) {
                g.writeStringField("tool_name", name);
            }
            g.writeStringField("tool_call_id", t.toolCallId());
        }
        g.writeEndObject();
    }

    /** Native tool calls: {@code {"id":..,"function":{"index":first + i,"name":..,"arguments":{...}}}}. */
    private static void writeToolCalls(JsonGenerator g, List<ToolCall> calls, int first) throws IOException {
        if (calls.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            g.writeStartObject();
            g.writeStringField("id", call.id());
            g.writeObjectFieldStart("function");
            g.writeNumberField("index", first + i);
            g.writeStringField("name", call.name());
            g.writeFieldName("arguments");
            try {
                Json.writeValue(g, Json.tree(call.arguments())); // natively an object
            } catch (IOException notJson) {
                g.writeString(call.arguments()); // not JSON: kept as text rather than lost
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeHead(JsonGenerator g, OllamaLine l) throws IOException {
        if (l.model() != null) {
            g.writeStringField("model", l.model());
        }
        if (l.createdAt() != null) {
            g.writeStringField("created_at", l.createdAt());
        }
    }

    /** {@code done}, {@code done_reason}, then the metrics in Ollama's order, then other extensions. */
    private static void writeTail(JsonGenerator g, OllamaLine l) throws IOException {
        g.writeBooleanField("done", l.done());
        if (l.doneReason() != null) {
            g.writeStringField("done_reason", l.doneReason());
        }
        Map<String, Object> x = l.extensions();
        writeIfPresent(g, x, "context");
        writeIfPresent(g, x, "total_duration");
        writeIfPresent(g, x, "load_duration");
        if (l.usage() != null) {
            g.writeNumberField("prompt_eval_count", l.usage().promptTokens());
        }
        writeIfPresent(g, x, "prompt_eval_duration");
        if (l.usage() != null) {
            g.writeNumberField("eval_count", l.usage().completionTokens());
        }
        writeIfPresent(g, x, "eval_duration");
        Writes.writeExtensions(g, x, LINE_FIELDS);
    }

    private static void writeIfPresent(JsonGenerator g, Map<String, Object> x, String name) throws IOException {
        Object v = x.get(name);
        if (v != null) {
            g.writeFieldName(name);
            Json.writeValue(g, v);
        }
    }

    private static String toolName(List<ChatMessage> earlier, String toolCallId) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i) instanceof ChatMessage.AssistantMessage) {
                for (ToolCall call : ((ChatMessage.AssistantMessage) earlier.get(i)).toolCalls()) {
                    if (call.id().equals(toolCallId)) {
                        return call.name();
                    }
                }
            }
        }
        return null;
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
