package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.core.wire.WireFormatException;

/**
 * Typed, checked access to the fields of a request body, as a server reads it: every wrong shape
 * becomes a {@link WireFormatException} whose message names the field (e.g.
 * {@code 'temperature' must be a number}) and whose {@code param} is the top-level field.
 */
public final class Fields {

    private Fields() {
    }

    /**
     * Parses a request body that must be a JSON object.
     *
     * @throws WireFormatException for an empty body, invalid JSON, or a top level that is not an object
     */
    public static JsonNode body(byte[] body) {
        if (body == null || body.length == 0) {
            throw new WireFormatException("request body is empty; expected a JSON object", null, null);
        }
        JsonNode root;
        try {
            root = Json.tree(body, 0, body.length);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("request body is not valid JSON: " + e.getOriginalMessage(), null, e);
        } catch (IOException e) {
            throw new WireFormatException("request body is not valid JSON: " + e.getMessage(), null, e);
        }
        if (root == null) {
            throw new WireFormatException("request body is empty; expected a JSON object", null, null);
        }
        if (!root.isObject()) {
            throw new WireFormatException("request body must be a JSON object, was " + kind(root), null, null);
        }
        return root;
    }

    /** A string field, or null when absent or JSON null. */
    public static String string(JsonNode obj, String field, String path, String param) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrong(path, "a string", v, param);
        }
        return v.textValue();
    }

    /** A number field, or null when absent or JSON null. */
    public static Double number(JsonNode obj, String field, String path, String param) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrong(path, "a number", v, param);
        }
        return v.doubleValue();
    }

    /** An integer field that fits a long, or null when absent or JSON null. */
    public static Long integer(JsonNode obj, String field, String path, String param) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrong(path, "an integer", v, param);
        }
        return v.longValue();
    }

    /** A boolean field, or null when absent or JSON null. */
    public static Boolean bool(JsonNode obj, String field, String path, String param) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw wrong(path, "a boolean", v, param);
        }
        return v.booleanValue();
    }

    /**
     * {@code stream_options.include_usage}: false when {@code stream_options} or the flag is absent
     * or null.
     *
     * @throws WireFormatException if {@code stream_options} is not an object or the flag not a boolean
     */
    public static boolean includeUsage(JsonNode root) {
        JsonNode options = root.get("stream_options");
        if (options == null || options.isNull()) {
            return false;
        }
        if (!options.isObject()) {
            throw wrong("stream_options", "an object", options, "stream_options");
        }
        Boolean include = bool(options, "include_usage", "stream_options.include_usage", "stream_options");
        return include != null && include;
    }

    /** {@code stop}: a string or an array of strings; empty when absent. */
    public static List<String> strings(JsonNode obj, String field, String path, String param) {
        JsonNode v = obj.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.textValue());
            return out;
        }
        if (!v.isArray()) {
            throw wrong(path, "a string or an array of strings", v, param);
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw wrong(path + "[" + i + "]", "a string", v.get(i), param);
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    /** Checks {@code 0 <= value <= max}. */
    public static void range(Double value, double max, String path) {
        if (value != null && (value.isNaN() || value < 0 || value > max)) {
            throw new WireFormatException("'" + path + "' must be between 0 and " + (max == 1 ? "1" : "2") + ", was "
                    + value, path, null);
        }
    }

    /** A non-negative int, or null. */
    public static Integer count(Long value, String path) {
        if (value == null) {
            return null;
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new WireFormatException("'" + path + "' must be between 0 and " + Integer.MAX_VALUE + ", was "
                    + value, path, null);
        }
        return value.intValue();
    }

    /** Copies every top-level field not in {@code known} and not null into {@code out}, as plain values. */
    public static void extensions(JsonNode root, Set<String> known, Map<String, Object> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey()) && !e.getValue().isNull()) {
                out.put(e.getKey(), Json.plain(e.getValue()));
            }
        }
    }

    /** {@code 'path' must be <expected>, was <kind>}. */
    public static WireFormatException wrong(String path, String expected, JsonNode actual, String param) {
        return new WireFormatException("'" + path + "' must be " + expected + ", was " + kind(actual), param, null);
    }

    /** A JSON value's kind, for messages: {@code a string}, {@code an array}, {@code null}… */
    public static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        switch (v.getNodeType()) {
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NULL:
                return "null";
            default:
                return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
