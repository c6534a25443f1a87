package dev.switchboard.server.internal.llama;

import java.util.List;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.engine.AutoToolChoice;
import dev.switchboard.server.internal.ToolCallRule;

/**
 * What kind of answer the llama.cpp engine generates for a request, decided before generating.
 *
 * <ul>
 *   <li>{@link Kind#TEXT}: free text (no tools, {@code tool_choice} {@code none}, or an answer due
 *       by the rule below), constrained to JSON when {@code responseSchema} is set;</li>
 *   <li>{@link Kind#CALL}: a tool call, sampling constrained to {@code {"name":…,"arguments":…}}
 *       for one of {@code callable} ({@code required}, a named function, or a call due by the rule);</li>
 *   <li>{@link Kind#MODEL_DECIDES}: {@code tool_choice} {@code auto} with
 *       {@link AutoToolChoice#MODEL}: the model's first tokens decide (see
 *       {@link CallOpener}).</li>
 * </ul>
 *
 * @param kind           which of the three
 * @param offered        the tools described in the prompt (none for {@code tool_choice} {@code none})
 * @param callable       the tools a call may name
 * @param responseSchema the JSON Schema an answer in text must follow ({@code response_format} /
 *                       Ollama's {@code format}), or null for free text
 */
public record OutputPlan(Kind kind, List<ToolSpec> offered, List<ToolSpec> callable, String responseSchema) {

    /** The three kinds of answer. */
    public enum Kind {
        /** Text, free or JSON-constrained. */
        TEXT,
        /** A tool call. */
        CALL,
        /** The model's first tokens decide between a call and text. */
        MODEL_DECIDES
    }

    /**
     * The plan for {@code request}.
     *
     * @param auto    how {@code tool_choice} {@code auto} decides
     * @param grammar gives the schema of a {@code response_format}
     * @throws dev.switchboard.server.engine.EngineException 400 for a bad {@code tool_choice}
     */
    public static OutputPlan of(ChatRequest request, AutoToolChoice auto, JsonGrammar grammar) {
        String schema = grammar.responseSchema(request.responseFormat() == null ? ResponseFormat.TEXT
                : request.responseFormat());
        List<ToolSpec> tools = request.tools();
        if (tools.isEmpty()) {
            return new OutputPlan(Kind.TEXT, List.of(), List.of(), schema);
        }
        ToolChoice choice = ToolChoice.of(request);
        switch (choice.mode()) {
            case NONE:
                return new OutputPlan(Kind.TEXT, List.of(), List.of(), schema);
            case REQUIRED:
                return new OutputPlan(Kind.CALL, tools, tools, schema);
            case NAMED:
                return new OutputPlan(Kind.CALL, tools,
                        tools.stream().filter(t -> t.name().equals(choice.name())).toList(), schema);
            default:
                if (auto == AutoToolChoice.MODEL) {
                    return new OutputPlan(Kind.MODEL_DECIDES, tools, tools, schema);
                }
                ChatMessage last = request.messages().get(request.messages().size() - 1);
                if (!(last instanceof ChatMessage.UserMessage user)) {
                    return new OutputPlan(Kind.TEXT, tools, tools, schema);
                }
                ToolSpec named = ToolCallRule.bestMatch(tools, user.content());
                return new OutputPlan(Kind.CALL, tools, named == null ? tools : List.of(named), schema);
        }
    }
}
