package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.Usage;

/** Small writing helpers shared by {@link OpenAiWriter} and {@link OllamaWriter}. */
public final class Writes {

    private Writes() {
    }

    /** {@code {"type":"function","function":{"name","description"?,"parameters"}}}, the same on both wires. */
    public static void writeTool(JsonGenerator g, ToolSpec tool) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "function");
        g.writeObjectFieldStart("function");
        g.writeStringField("name", tool.name());
        if (tool.description() != null) {
            g.writeStringField("description", tool.description());
        }
        g.writeFieldName("parameters");
        writeJsonText(g, tool.parametersJson(), "tool '" + tool.name() + "' parameters");
        g.writeEndObject();
        g.writeEndObject();
    }

    /** {@code "usage":{completion_tokens, prompt_tokens, total_tokens}}, llama-server's order. */
    public static void writeUsage(JsonGenerator g, Usage u) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeNumberField("completion_tokens", u.completionTokens());
        g.writeNumberField("prompt_tokens", u.promptTokens());
        g.writeNumberField("total_tokens", u.totalTokens());
        g.writeEndObject();
    }

    /** A float array, each value as Java's shortest float text. */
    public static void writeFloats(JsonGenerator g, float[] v) throws IOException {
        g.writeStartArray(v, v.length);
        for (float x : v) {
            g.writeNumber(x);
        }
        g.writeEndArray();
    }

    /**
     * The sampling fields both {@code /v1/chat/completions} and {@code /v1/completions} send, in
     * this order, each only when set: {@code temperature}, {@code top_p}, {@code max_tokens},
     * {@code stop} (when not empty), {@code seed}.
     */
    public static void writeSampling(JsonGenerator g, Double temperature, Double topP, Integer maxTokens,
            List<String> stop, Long seed) throws IOException {
        if (temperature != null) {
            g.writeNumberField("temperature", temperature);
        }
        if (topP != null) {
            g.writeNumberField("top_p", topP);
        }
        if (maxTokens != null) {
            g.writeNumberField("max_tokens", maxTokens);
        }
        if (!stop.isEmpty()) {
            writeStrings(g, "stop", stop);
        }
        if (seed != null) {
            g.writeNumberField("seed", seed);
        }
    }

    /** {@code "stream":stream}, and when streaming {@code "stream_options":{"include_usage":true}}. */
    public static void writeStream(JsonGenerator g, boolean stream) throws IOException {
        g.writeBooleanField("stream", stream);
        if (stream) {
            g.writeObjectFieldStart("stream_options");
            g.writeBooleanField("include_usage", true);
            g.writeEndObject();
        }
    }

    /**
     * The fields after {@code choices} in llama-server's order for a {@code chat.completion}, a
     * {@code text_completion} and its chunks ({@code 04-chat-nonstream.txt}, {@code 07-completions.txt},
     * {@code 08-completions-stream.txt}): {@code created}, {@code model} (when set), {@code object},
     * {@code usage} (when set), {@code id} (when set).
     */
    public static void writeResponseTail(JsonGenerator g, long created, String model, String object, Usage usage,
            String id) throws IOException {
        g.writeNumberField("created", created);
        if (model != null) {
            g.writeStringField("model", model);
        }
        g.writeStringField("object", object);
        if (usage != null) {
            writeUsage(g, usage);
        }
        if (id != null) {
            g.writeStringField("id", id);
        }
    }

    /** {@code "field":[...]} of strings. */
    public static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** {@code "field":"value"}, or {@code "field":null}. */
    public static void writeNullableString(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    /**
     * Writes JSON text as a JSON value.
     *
     * @throws IllegalArgumentException if it is not valid JSON, naming {@code what}
     */
    public static void writeJsonText(JsonGenerator g, String json, String what) throws IOException {
        try {
            Json.writeValue(g, Json.tree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(what + " are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes each extension as a top-level field, skipping names the wire itself wrote. */
    public static void writeExtensions(JsonGenerator g, Map<String, Object> extensions, Set<String> written)
            throws IOException {
        for (Map.Entry<String, Object> e : extensions.entrySet()) {
            if (!written.contains(e.getKey())) {
                g.writeFieldName(e.getKey());
                Json.writeValue(g, e.getValue());
            }
        }
    }
}
