package dev.switchboard.core;

import java.util.Objects;

/**
 * A function the model may call: an element of the request's {@code tools}
 * ({@code {"type":"function","function":{"name":..,"description":..,"parameters":..}}}).
 *
 * @param name           the function name the model will use; must not be blank
 * @param description    what the function does, for the model; may be null
 * @param parametersJson the JSON Schema of the arguments object, as JSON text; null means
 *                       {@code {"type":"object","properties":{}}}
 */
public record ToolSpec(String name, String description, String parametersJson) {
    /** @throws IllegalArgumentException if {@code name} is null or blank */
    public ToolSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tool name is required");
        }
        if (parametersJson == null || parametersJson.isBlank()) {
            parametersJson = "{\"type\":\"object\",\"properties\":{}}";
        }
        Objects.requireNonNull(parametersJson);
    }
}
