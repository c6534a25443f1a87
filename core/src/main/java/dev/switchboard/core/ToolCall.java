package dev.switchboard.core;

import java.util.Objects;

/**
 * A model's request to run one tool: an element of an assistant message's {@code tool_calls}.
 *
 * <p>On OpenAI's {@code /v1} wire the arguments travel as a JSON <em>string</em>
 * ({@code "arguments": "{\"city\":\"Paris\"}"}); on Ollama's native {@code /api/chat} as a JSON
 * <em>object</em> (see {@code core/src/test/resources/reference/ollama-wire.md}). Here they are
 * always the JSON text.
 *
 * @param id        the call id, echoed back in the {@link ChatMessage.ToolMessage} that answers it;
 *                  Ollama's native API may send none, in which case the wire layer makes one up
 * @param name      the function name, as offered in a {@link ToolSpec}
 * @param arguments the arguments as JSON text, e.g. {@code {"a":1}}; {@code "{}"} when empty
 */
public record ToolCall(String id, String name, String arguments) {
    /** @throws NullPointerException if {@code id} or {@code name} is null; null arguments become {@code "{}"} */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (arguments == null || arguments.isBlank()) {
            arguments = "{}";
        }
    }
}
