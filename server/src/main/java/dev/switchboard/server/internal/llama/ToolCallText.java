package dev.switchboard.server.internal.llama;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.internal.Ids;

/**
 * Reads the text a grammar-constrained call produced, {@code {"name":…,"arguments":{…}}}, into a
 * {@link ToolCall} with a fresh id: 32 random letters and digits, as llama-server makes them
 * ({@code core/src/test/resources/reference/llama-server-transcripts/34-forced-tool-call.txt}).
 */
public final class ToolCallText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolCallText() {
    }

    /**
     * The call in {@code text}, or null if it is not a complete call of one of {@code callable}
     * (which happens only when {@code max_tokens} or the context cut it short).
     */
    public static ToolCall parse(String text, List<ToolSpec> callable) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
        if (node == null || !node.isObject() || !node.path("name").isTextual() || !node.path("arguments").isObject()) {
            return null;
        }
        String name = node.get("name").textValue();
        if (callable.stream().noneMatch(t -> t.name().equals(name))) {
            return null;
        }
        return new ToolCall(newId(), name, node.get("arguments").toString());
    }

    /** A call id: 32 random letters and digits, like llama-server's ({@link Ids#alphanumeric}). */
    public static String newId() {
        return Ids.alphanumeric(32);
    }
}
