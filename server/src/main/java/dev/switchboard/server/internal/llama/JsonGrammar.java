package dev.switchboard.server.internal.llama;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.kherud.llama.LlamaModel;

import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.engine.EngineException;

/**
 * The GBNF grammars that constrain the llama.cpp engine's sampling: built from a JSON Schema by
 * llama.cpp's own converter ({@code LlamaModel.jsonSchemaToGrammar}, the one llama-server uses for
 * {@code response_format} and tools), optionally <em>bounded</em>.
 *
 * <p><b>Bounds.</b> A grammar does not end an answer: a model ends it by choosing the closing
 * bracket when its weights say so. A model with random weights may instead fill an unbounded
 * string or array for as long as it is allowed. With bounds, every unbounded repetition of the
 * grammar gets an upper bound {@code n}: a string without {@code maxLength} has 1 to {@code n}
 * characters (never empty, since a required name or city that is {@code ""} is no use to a tool),
 * one with only {@code minLength m} has {@code m} to {@code max(m, n)}, an array without
 * {@code maxItems} and the members of a free object 0 to {@code n}; the optional whitespace
 * between tokens is at most one space. Any path through the grammar is then short and the JSON
 * always closes. What is allowed stays valid against the schema (a string or array within its
 * bounds is still valid); a free {@code json_object} under bounds is an object of scalar values.
 *
 * @param maxRepeat the bound for each repetition, or 0 for none (the grammar as llama.cpp makes it)
 */
public record JsonGrammar(int maxRepeat) {

    /** No bounds: the grammars exactly as llama.cpp's converter writes them. */
    public static final JsonGrammar UNBOUNDED = new JsonGrammar(0);

    /** The deepest JSON nesting a schema may have before it reaches llama.cpp's converter. */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHARS = Pattern.compile("char\\*");
    private static final Pattern AT_LEAST = Pattern.compile("(char|\\))\\{(\\d+),\\}");
    private static final Pattern STAR = Pattern.compile("\\)\\*");
    private static final Pattern SPACE_RULE = Pattern.compile("(?m)^space ::= .*$");

    /** @throws IllegalArgumentException if {@code maxRepeat} is negative */
    public JsonGrammar {
        if (maxRepeat < 0) {
            throw new IllegalArgumentException("maxRepeat must not be negative, was " + maxRepeat);
        }
    }

    /**
     * The schema of a call of one of {@code tools}: {@code {"name": NAME, "arguments": ARGS}}, where
     * {@code ARGS} follows that tool's parameter schema (one alternative per tool).
     *
     * @throws EngineException 400 if a tool's parameters are not a JSON object
     */
    public static String callSchema(List<ToolSpec> tools) {
        ArrayNode alternatives = JSON.createArrayNode();
        for (ToolSpec tool : tools) {
            ObjectNode call = alternatives.addObject().put("type", "object");
            ObjectNode properties = call.putObject("properties");
            properties.putObject("name").put("const", tool.name());
            properties.set("arguments", parameters(tool));
            call.putArray("required").add("name").add("arguments");
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0).toString();
        }
        ObjectNode anyOf = JSON.createObjectNode();
        anyOf.set("anyOf", alternatives);
        return anyOf.toString();
    }

    /**
     * The schema a {@code response_format} asks for: the given schema for {@code json_schema}, a
     * JSON object for {@code json_object}; null for text.
     */
    public String responseSchema(ResponseFormat format) {
        if (format instanceof ResponseFormat.JsonSchema schema) {
            return schema.schemaJson();
        }
        if (format instanceof ResponseFormat.JsonObject) {
            return maxRepeat == 0 ? "{\"type\":\"object\"}"
                    : "{\"type\":\"object\",\"additionalProperties\":{\"type\":[\"string\",\"number\",\"boolean\",\"null\"]}}";
        }
        return null;
    }

    /**
     * The grammar for {@code schemaJson}, bounded as configured.
     *
     * @throws EngineException 400 if the schema is not JSON, nests deeper than {@value #MAX_DEPTH}
     *                         levels, or llama.cpp cannot convert it
     */
    public String grammar(String schemaJson) {
        JsonNode schema;
        try {
            schema = JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new EngineException(400, "the JSON schema is not JSON: " + e.getOriginalMessage());
        }
        if (depth(schema) > MAX_DEPTH) {
            // llama.cpp's converter recurses natively per level; a hostile depth must not reach it
            throw new EngineException(400, "the JSON schema nests deeper than " + MAX_DEPTH + " levels");
        }
        String grammar;
        try {
            grammar = LlamaModel.jsonSchemaToGrammar(schemaJson);
        } catch (RuntimeException e) {
            throw new EngineException(400, "the JSON schema cannot be turned into a grammar: " + e.getMessage());
        }
        if (grammar == null || grammar.isBlank()) {
            throw new EngineException(400, "the JSON schema cannot be turned into a grammar");
        }
        return maxRepeat == 0 ? grammar : bound(grammar);
    }

    private String bound(String grammar) {
        String bounded = CHARS.matcher(grammar).replaceAll("char{1," + maxRepeat + "}");
        bounded = AT_LEAST.matcher(bounded).replaceAll(m -> {
            int least = Integer.parseInt(m.group(2));
            return Matcher.quoteReplacement(m.group(1) + "{" + least + "," + Math.max(least, maxRepeat) + "}");
        });
        bounded = STAR.matcher(bounded).replaceAll(Matcher.quoteReplacement("){0," + maxRepeat + "}"));
        return SPACE_RULE.matcher(bounded).replaceAll(Matcher.quoteReplacement("space ::= | \" \""));
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
            if (deepest > MAX_DEPTH) {
                break;
            }
        }
        return deepest + 1;
    }

    private static JsonNode parameters(ToolSpec tool) {
        try {
            JsonNode node = JSON.readTree(tool.parametersJson());
            if (node == null || !node.isObject()) {
                throw new EngineException(400, "the parameters of tool '" + tool.name() + "' are not a JSON Schema object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new EngineException(400, "the parameters of tool '" + tool.name() + "' are not JSON: "
                    + e.getOriginalMessage());
        }
    }
}
