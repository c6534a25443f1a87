package dev.switchboard.server.internal.llama;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.core.ToolSpec;

/**
 * How the llama.cpp engine tells a model about the tools it may call.
 *
 * <p><b>The model's own template</b>, when the engine renders with llama.cpp's Jinja engine
 * ({@code jinja(true)}) and the GGUF's {@code tokenizer.chat_template} mentions {@code tools}: the
 * tools go to the template as OpenAI's {@code tools} array, and the template writes them in the
 * form the model was trained on.
 *
 * <p><b>Otherwise, the fallback prompt</b> (every built-in template, and the demo model's ChatML):
 * a system text, merged into the leading system message or put before the conversation:
 *
 * <pre>
 * You can call these tools:
 * get_weather(city: string, unit?: "celsius"|"fahrenheit") — Get the current weather for a city
 * To call a tool, reply with only a JSON object: {"name": "&lt;tool name&gt;", "arguments": {…}}.
 * The tool's result comes back as a message "Tool result (&lt;call id&gt;): &lt;result&gt;".
 * Otherwise, answer in plain text.
 * </pre>
 *
 * <p>Either way the call itself is sampled under a grammar ({@link JsonGrammar#callSchema}), so it
 * has that JSON shape whatever the template taught.
 */
public final class ToolPrompt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolPrompt() {
    }

    /** Whether {@code template} (Jinja source) renders tools itself, when Jinja is on. */
    public static boolean templateTakesTools(String template, boolean jinja) {
        return jinja && template != null && template.contains("tools");
    }

    /** OpenAI's {@code tools} array for {@code tools}, as JSON text. */
    public static String toolsJson(List<ToolSpec> tools) {
        ArrayNode array = JSON.createArrayNode();
        for (ToolSpec tool : tools) {
            ObjectNode function = array.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name());
            if (tool.description() != null) {
                function.put("description", tool.description());
            }
            function.set("parameters", readOrEmpty(tool.parametersJson()));
        }
        return array.toString();
    }

    /** The fallback system text for {@code tools} (see the class comment). */
    public static String fallbackText(List<ToolSpec> tools) {
        StringBuilder text = new StringBuilder("You can call these tools:\n");
        for (ToolSpec tool : tools) {
            text.append(signature(tool)).append('\n');
        }
        return text.append("To call a tool, reply with only a JSON object: {\"name\": \"<tool name>\", \"arguments\": {...}}.\n")
                .append("The tool's result comes back as a message \"Tool result (<call id>): <result>\".\n")
                .append("Otherwise, answer in plain text.").toString();
    }

    /**
     * One tool as a line: {@code name(a: number, unit?: "c"|"f") — description}; {@code ?} marks an
     * argument that is not required. Short on purpose: a schema's full JSON costs a small model's
     * context dearly, and the call's grammar enforces the schema anyway.
     */
    public static String signature(ToolSpec tool) {
        JsonNode schema = readOrEmpty(tool.parametersJson());
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        StringJoiner arguments = new StringJoiner(", ", tool.name() + "(", ")");
        schema.path("properties").fields().forEachRemaining(p ->
                arguments.add(p.getKey() + (required.contains(p.getKey()) ? "" : "?") + ": " + type(p.getValue())));
        return arguments + (tool.description() == null || tool.description().isBlank() ? "" : " — " + tool.description());
    }

    private static String type(JsonNode property) {
        if (property.path("enum").isArray()) {
            StringJoiner values = new StringJoiner("|");
            property.get("enum").forEach(v -> values.add(v.toString()));
            return values.toString();
        }
        JsonNode type = property.path("type");
        if (type.isArray()) {
            StringJoiner types = new StringJoiner("|");
            type.forEach(t -> types.add(t.asText()));
            return types.toString();
        }
        if ("array".equals(type.asText()) && property.has("items")) {
            return type(property.get("items")) + "[]";
        }
        return type.isTextual() ? type.asText() : "any";
    }

    /** {@code turns} with the fallback text merged into the leading system turn, or before them. */
    public static List<ChatPrompt.Turn> withFallback(List<ChatPrompt.Turn> turns, List<ToolSpec> tools) {
        List<ChatPrompt.Turn> out = new ArrayList<>(turns);
        String text = fallbackText(tools);
        if (!out.isEmpty() && out.get(0).role().equals("system")) {
            out.set(0, new ChatPrompt.Turn("system", out.get(0).content() + "\n\n" + text));
        } else {
            out.add(0, new ChatPrompt.Turn("system", text));
        }
        return out;
    }

    private static JsonNode readOrEmpty(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
