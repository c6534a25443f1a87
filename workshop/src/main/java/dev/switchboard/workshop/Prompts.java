package dev.switchboard.workshop;

import java.util.List;

/** What the tour asks, the same for every style. */
final class Prompts {

    /** The question of the chat scenarios. */
    static final String QUESTION = "In one sentence, what is an HTTP server-sent event stream?";
    /**
     * The bound on every answer the tour asks for ({@code max_tokens}): a model that does not stop (the
     * generated demo model, a small model in a loop) ends there instead of filling the context, which
     * would break the next turn ("request exceeds the available context size"). One sentence needs far
     * less; a thinking model's reasoning counts too.
     */
    static final int MAX_TOKENS = 512;
    /** The agent loop's question; answering needs the get_weather tool. */
    static final String AGENT_QUESTION = "What is the weather in Paris?";
    /** The embedding scenario's texts: the first two are related, the third is not. */
    static final List<String> TEXTS = List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
            "Quarterly tax reports are due in April.");

    private Prompts() {
    }
}
