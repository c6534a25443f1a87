package dev.switchboard.server.engine;

/**
 * How the {@link LlamaCppEngine} decides, for {@code tool_choice} {@code auto} (the default when a
 * request has tools), between answering and calling a tool; set with
 * {@link LlamaCppEngine.Builder#autoToolChoice(AutoToolChoice)}.
 */
public enum AutoToolChoice {
    /**
     * The model decides with its own first tokens (the default): it generates freely, with the
     * tools in its prompt; if its answer starts (after whitespace) with <code>{</code> or a
     * template's call marker ({@code <tool_call>}, {@code [TOOL_CALLS]},
     * {@code <|python_tag|>}), that start is dropped and the call is generated under the
     * tools' grammar; otherwise the text is the answer.
     */
    MODEL,
    /**
     * A fixed rule, for a model whose first tokens mean nothing (the demo model, random
     * weights): call when the conversation's last message is the user's, answer otherwise
     * (after a tool result, after an assistant or system message). The call names the tool
     * whose name best matches the user's words, scored as the scripted engine's tool rule
     * does (one point per part of the name, split on {@code _}, {@code -} and camelCase, that is
     * a word of the message), else any offered tool; its arguments are sampled under the
     * grammar. An agent loop on it ends after one round trip.
     */
    LAST_MESSAGE
}
