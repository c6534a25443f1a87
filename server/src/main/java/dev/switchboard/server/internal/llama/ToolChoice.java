package dev.switchboard.server.internal.llama;

import java.util.List;
import java.util.Map;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.engine.EngineException;

/**
 * A request's {@code tool_choice} (OpenAI's vocabulary; it reaches the engine through
 * {@link ChatRequest#extensions()}): {@code "auto"} (the default when tools are given),
 * {@code "none"}, {@code "required"}, or {@code {"type":"function","function":{"name":NAME}}}.
 *
 * @param mode which of the four
 * @param name the function's name for {@link Mode#NAMED}, else null
 */
public record ToolChoice(Mode mode, String name) {

    /** The four choices. */
    public enum Mode {
        /** The engine decides between answering and calling (see {@link OutputPlan}). */
        AUTO,
        /** Never call; tools are not offered in the prompt. */
        NONE,
        /** Always call one of the tools. */
        REQUIRED,
        /** Always call the named tool. */
        NAMED
    }

    /**
     * Reads {@code tool_choice} from {@code request}.
     *
     * @throws EngineException 400 {@code Invalid tool_choice: …} (llama-server's words,
     *                         {@code llama-server-transcripts/39-tool-choice-bogus.txt}) for any
     *                         other value, or a named function that is not among the tools
     */
    public static ToolChoice of(ChatRequest request) {
        Object value = request.extensions().get("tool_choice");
        if (value == null || "auto".equals(value)) {
            return new ToolChoice(Mode.AUTO, null);
        }
        if ("none".equals(value)) {
            return new ToolChoice(Mode.NONE, null);
        }
        if ("required".equals(value)) {
            return new ToolChoice(Mode.REQUIRED, null);
        }
        if (value instanceof Map<?, ?> map && "function".equals(map.get("type"))
                && map.get("function") instanceof Map<?, ?> function && function.get("name") instanceof String name) {
            List<ToolSpec> tools = request.tools();
            if (tools.stream().noneMatch(t -> t.name().equals(name))) {
                throw new EngineException(400, "Invalid tool_choice: the function '" + name
                        + "' is not among the request's tools");
            }
            return new ToolChoice(Mode.NAMED, name);
        }
        throw new EngineException(400, "Invalid tool_choice: " + value);
    }
}
