package dev.switchboard.workshop;

/** The five scenarios every style shows, in the order the tour runs them (the matrix's columns). */
public enum Scenario {
    /** One question, one whole answer. */
    NON_STREAMING("non-streaming"),
    /** One question, the answer printed as it arrives. */
    STREAMING("streaming"),
    /** A fact given in one turn, asked for in the next. */
    MULTI_TURN("multi-turn"),
    /** The model calls a tool, the program runs it, the model answers from the result. */
    AGENT_LOOP("agent loop"),
    /** Three texts in, three vectors out. */
    EMBEDDINGS("embeddings");

    private final String title;

    Scenario(String title) {
        this.title = title;
    }

    /** The column title. */
    public String title() {
        return title;
    }
}
