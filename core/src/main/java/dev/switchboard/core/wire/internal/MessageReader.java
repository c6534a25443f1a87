package dev.switchboard.core.wire.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.wire.WireFormatException;

/**
 * Reads {@code messages} and {@code tools} of a chat request, as a server, on either wire. Every
 * wrong shape is a {@link WireFormatException} naming the field, e.g.
 * {@code 'messages[1].role' must be one of system, user, assistant, tool; was 'wizard'}.
 *
 * <p>{@code /v1}: {@code content} is a string, an array of {@code {"type":"text","text":..}} parts
 * (joined with {@code \n}), or null for an assistant message with {@code tool_calls}; the role
 * {@code developer} (OpenAI's newer name for system) is read as system; {@code tool_call_id} is
 * required on tool messages; tool-call {@code arguments} is a JSON string (an object is tolerated).
 * Native ({@code /api/chat}, ollama-wire.md 7.1): roles are lower-cased as Ollama does; absent
 * {@code content} is empty; {@code thinking} is the assistant's reasoning; tool-call arguments are
 * an object; a tool message may name its call by {@code tool_call_id} or only by {@code tool_name}
 * (matched to the last earlier call of that name, as Ollama does), or by neither: Ollama's
 * {@code api.Message} has both fields optional ({@code core/src/test/resources/reference/ollama-wire.md}
 * 7.1), and Spring AI 2.0 and langchain4j-ollama 1.18 send tool results with neither. Such a result
 * answers the call at its position: the n-th tool message after the last assistant message with
 * {@code tool_calls} answers that message's n-th call.
 */
public final class MessageReader {

    private MessageReader() {
    }

    /** Reads {@code root.messages}. */
    public static List<ChatMessage> messages(JsonNode root, boolean nativeShape) {
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw new WireFormatException("'messages' is required", "messages", null);
        }
        if (!messages.isArray()) {
            throw Fields.wrong("messages", "an array", messages, "messages");
        }
        if (messages.isEmpty()) {
            throw new WireFormatException("'messages' must not be empty", "messages", null);
        }
        List<ChatMessage> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(message(messages.get(i), "messages[" + i + "]", nativeShape, out));
        }
        return out;
    }

    /** Reads {@code root.tools}: an array of {@code {"type":"function","function":{name,description,parameters}}}. */
    public static List<ToolSpec> tools(JsonNode root) {
        JsonNode tools = root.get("tools");
        List<ToolSpec> out = new ArrayList<>();
        if (tools == null || tools.isNull()) {
            return out;
        }
        if (!tools.isArray()) {
            throw Fields.wrong("tools", "an array", tools, "tools");
        }
        for (int i = 0; i < tools.size(); i++) {
            String path = "tools[" + i + "]";
            JsonNode tool = tools.get(i);
            if (!tool.isObject()) {
                throw Fields.wrong(path, "an object", tool, "tools");
            }
            JsonNode fn = tool.get("function");
            if (fn == null || !fn.isObject()) {
                throw Fields.wrong(path + ".function", "an object", fn, "tools");
            }
            String name = Fields.string(fn, "name", path + ".function.name", "tools");
            if (name == null || name.isBlank()) {
                throw new WireFormatException("'" + path + ".function.name' is required", "tools", null);
            }
            String description = Fields.string(fn, "description", path + ".function.description", "tools");
            JsonNode params = fn.get("parameters");
            if (params != null && !params.isNull() && !params.isObject()) {
                throw Fields.wrong(path + ".function.parameters", "an object", params, "tools");
            }
            out.add(new ToolSpec(name, description, params == null || params.isNull() ? null : Json.text(params)));
        }
        return out;
    }

    private static ChatMessage message(JsonNode m, String path, boolean nativeShape, List<ChatMessage> earlier) {
        if (!m.isObject()) {
            throw Fields.wrong(path, "an object", m, "messages");
        }
        String role = Fields.string(m, "role", path + ".role", "messages");
        if (role == null) {
            throw new WireFormatException("'" + path + ".role' is required", "messages", null);
        }
        String r = nativeShape ? role.toLowerCase(Locale.ROOT) : role;
        switch (r) {
            case "system":
            case "developer":
                return new ChatMessage.SystemMessage(requiredContent(m, path, nativeShape, r));
            case "user":
                return new ChatMessage.UserMessage(requiredContent(m, path, nativeShape, r));
            case "assistant":
                return assistant(m, path, nativeShape);
            case "tool":
                return tool(m, path, nativeShape, earlier);
            default:
                throw new WireFormatException("'" + path + ".role' must be one of system, user, assistant, tool; was '"
                        + role + "'", "messages", null);
        }
    }

    private static ChatMessage.AssistantMessage assistant(JsonNode m, String path, boolean nativeShape) {
        String content = content(m, path, nativeShape);
        List<ToolCall> calls = toolCalls(m, path, nativeShape);
        if (content == null && calls.isEmpty()) {
            throw new WireFormatException("'" + path + ".content' must be a string unless the message has tool_calls",
                    "messages", null);
        }
        String reasoning;
        if (nativeShape) {
            reasoning = Fields.string(m, "thinking", path + ".thinking", "messages");
        } else {
            reasoning = OpenAiReader.joinReasoning(
                    Fields.string(m, "reasoning_content", path + ".reasoning_content", "messages"),
                    Fields.string(m, "reasoning", path + ".reasoning", "messages"));
        }
        return new ChatMessage.AssistantMessage(content, reasoning == null || reasoning.isEmpty() ? null : reasoning,
                calls);
    }

    private static ChatMessage.ToolMessage tool(JsonNode m, String path, boolean nativeShape, List<ChatMessage> earlier) {
        String content = requiredContent(m, path, nativeShape, "tool");
        String id = Fields.string(m, "tool_call_id", path + ".tool_call_id", "messages");
        if ((id == null || id.isEmpty()) && nativeShape) {
            String toolName = Fields.string(m, "tool_name", path + ".tool_name", "messages");
            if (toolName != null) {
                id = idOfLastCallNamed(earlier, toolName);
            } else {
                id = idOfCallAtPosition(earlier);
            }
        }
        if (id == null || id.isEmpty()) {
            throw new WireFormatException("'" + path + ".tool_call_id' is required"
                    + (nativeShape ? " (or a tool_name, or an earlier assistant message with a tool call for it)" : ""), "messages", null);
        }
        return new ChatMessage.ToolMessage(id, content);
    }

    /** The id of the call this tool message answers by position, or null if there is no such call. */
    private static String idOfCallAtPosition(List<ChatMessage> earlier) {
        int position = 0;
        for (int i = earlier.size() - 1; i >= 0; i--) {
            ChatMessage message = earlier.get(i);
            if (message instanceof ChatMessage.ToolMessage) {
                position++;
            } else if (message instanceof ChatMessage.AssistantMessage) {
                List<ToolCall> calls = ((ChatMessage.AssistantMessage) message).toolCalls();
                return position < calls.size() ? calls.get(position).id() : null;
            } else {
                return null;
            }
        }
        return null;
    }

    private static String idOfLastCallNamed(List<ChatMessage> earlier, String toolName) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i) instanceof ChatMessage.AssistantMessage) {
                List<ToolCall> calls = ((ChatMessage.AssistantMessage) earlier.get(i)).toolCalls();
                for (int j = calls.size() - 1; j >= 0; j--) {
                    if (calls.get(j).name().equals(toolName)) {
                        return calls.get(j).id();
                    }
                }
            }
        }
        return toolName; // no earlier call: the name stands in for the id
    }

    private static List<ToolCall> toolCalls(JsonNode m, String path, boolean nativeShape) {
        JsonNode calls = m.get("tool_calls");
        List<ToolCall> out = new ArrayList<>();
        if (calls == null || calls.isNull()) {
            return out;
        }
        if (!calls.isArray()) {
            throw Fields.wrong(path + ".tool_calls", "an array", calls, "messages");
        }
        for (int i = 0; i < calls.size(); i++) {
            String p = path + ".tool_calls[" + i + "]";
            JsonNode call = calls.get(i);
            if (!call.isObject()) {
                throw Fields.wrong(p, "an object", call, "messages");
            }
            JsonNode fn = call.get("function");
            if (fn == null || !fn.isObject()) {
                throw Fields.wrong(p + ".function", "an object", fn, "messages");
            }
            String name = Fields.string(fn, "name", p + ".function.name", "messages");
            if (name == null) {
                throw new WireFormatException("'" + p + ".function.name' is required", "messages", null);
            }
            JsonNode args = fn.get("arguments");
            if (args != null && !args.isNull() && !args.isTextual() && !args.isObject()) {
                throw Fields.wrong(p + ".function.arguments", nativeShape ? "an object" : "a JSON string", args,
                        "messages");
            }
            String id = Fields.string(call, "id", p + ".id", "messages");
            int index = nativeShape && fn.path("index").isIntegralNumber() ? fn.path("index").intValue() : i;
            out.add(new ToolCall(id == null || id.isEmpty() ? "call_" + index : id, name,
                    OpenAiReader.argumentsText(args)));
        }
        return out;
    }

    private static String requiredContent(JsonNode m, String path, boolean nativeShape, String role) {
        String content = content(m, path, nativeShape);
        if (content == null) {
            throw new WireFormatException("'" + path + ".content' is required for role " + role, "messages", null);
        }
        return content;
    }

    /** The content as text, or null when absent or null on {@code /v1} (natively: empty). */
    private static String content(JsonNode m, String path, boolean nativeShape) {
        JsonNode c = m.get("content");
        if (c == null || c.isNull()) {
            return nativeShape ? "" : null;
        }
        if (c.isTextual()) {
            return c.textValue();
        }
        if (!nativeShape && c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < c.size(); j++) {
                JsonNode part = c.get(j);
                String pp = path + ".content[" + j + "]";
                if (!part.isObject()) {
                    throw Fields.wrong(pp, "an object", part, "messages");
                }
                String type = Fields.string(part, "type", pp + ".type", "messages");
                if (!"text".equals(type)) {
                    throw new WireFormatException("'" + pp + ".type' must be 'text' (other parts are not supported), was "
                            + (type == null ? "missing" : "'" + type + "'"), "messages", null);
                }
                String text = Fields.string(part, "text", pp + ".text", "messages");
                if (text == null) {
                    throw new WireFormatException("'" + pp + ".text' is required", "messages", null);
                }
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(text);
            }
            return sb.toString();
        }
        throw Fields.wrong(path + ".content", nativeShape ? "a string" : "a string, null or an array of text parts", c,
                "messages");
    }
}
