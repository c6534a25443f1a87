package dev.switchboard.core;

import java.util.Objects;

/**
 * The request's {@code response_format}: free text, any JSON object, or JSON matching a schema.
 *
 * <p>Ollama's native API takes {@code "format": "json"} or a schema object instead; the wire
 * layer translates.
 */
public sealed interface ResponseFormat {

    /** {@code {"type":"text"}}: the default. */
    ResponseFormat TEXT = new Text();

    /** {@code {"type":"json_object"}}: any valid JSON object. */
    ResponseFormat JSON_OBJECT = new JsonObject();

    /** Returns {@code {"type":"json_schema","json_schema":{"name":..,"schema":..,"strict":..}}}. */
    static JsonSchema jsonSchema(String name, String schemaJson, boolean strict) {
        return new JsonSchema(name, schemaJson, strict);
    }

    /** Free text. */
    record Text() implements ResponseFormat {
    }

    /** Any JSON object. */
    record JsonObject() implements ResponseFormat {
    }

    /**
     * JSON matching a schema.
     *
     * @param name       the schema's name, required by OpenAI ({@code [a-zA-Z0-9_-]}, at most 64 chars)
     * @param schemaJson the JSON Schema as JSON text
     * @param strict     whether the server must follow the schema exactly (OpenAI {@code strict})
     */
    record JsonSchema(String name, String schemaJson, boolean strict) implements ResponseFormat {
        /** @throws NullPointerException if {@code name} or {@code schemaJson} is null */
        public JsonSchema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schemaJson, "schemaJson");
        }
    }
}
