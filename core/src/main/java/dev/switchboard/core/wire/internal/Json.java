package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The wire layer's one Jackson configuration: a private {@link ObjectMapper} (unknown properties
 * ignored, trailing tokens rejected, no failure on empty beans) and its {@link JsonFactory}, shared
 * by every codec and decoder. Neither is handed out, so nobody can reconfigure them; use the
 * helpers. Thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Characters outside the BMP (😊) as their 4 raw UTF-8 bytes, as llama-server and Ollama
            // write them, not as a \uD83D\uDE0A escape pair (Jackson's default).
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }

    /**
     * A streaming parser over {@code buf[off, off+len)} (UTF-8), for the hot decode paths.
     *
     * @throws IOException as Jackson does
     */
    public static JsonParser parser(byte[] buf, int off, int len) throws IOException {
        return FACTORY.createParser(buf, off, len);
    }

    /**
     * Parses a whole document into a tree.
     *
     * @return the root node, or null when the input holds only whitespace
     * @throws IOException if it is not one valid JSON value
     */
    public static JsonNode tree(byte[] buf, int off, int len) throws IOException {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            if (p.nextToken() == null) {
                return null;
            }
            JsonNode node = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p,
                        "trailing content after the JSON value");
            }
            return node;
        }
    }

    /**
     * Parses JSON text into a tree.
     *
     * @throws IOException if it is not one valid JSON value
     */
    public static JsonNode tree(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode node = tree(bytes, 0, bytes.length);
        if (node == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "empty JSON text");
        }
        return node;
    }

    /** Serialises a tree (or any plain value) to compact JSON text. */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Converts a tree into plain Java values: {@link LinkedHashMap}, {@link ArrayList},
     * {@link String}, {@link Number} ({@link Integer}, {@link Long}, {@link java.math.BigInteger},
     * {@link Double}), {@link Boolean} and null.
     */
    public static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(plain(element));
            }
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asText();
    }

    /** Something that writes one JSON document to a generator. */
    @FunctionalInterface
    public interface Body {
        /** Writes the document. */
        void write(JsonGenerator gen) throws IOException;
    }

    /** Runs {@code body} against a fresh generator and returns the UTF-8 bytes it wrote. */
    public static byte[] write(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator gen = MAPPER.createGenerator(out)) {
            body.write(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a plain value ({@link #plain} shapes, records of them, or a {@link JsonNode}). */
    public static void writeValue(JsonGenerator gen, Object value) throws IOException {
        MAPPER.writeValue(gen, value);
    }

    /** The payload as text for an error message: UTF-8 decoded, cut to 500 characters. */
    public static String payload(byte[] buf, int off, int len) {
        int n = Math.min(len, 2000);
        String s = new String(buf, off, n, StandardCharsets.UTF_8);
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
