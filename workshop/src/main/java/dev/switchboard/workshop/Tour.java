package dev.switchboard.workshop;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.core.LlmClients;
import dev.switchboard.server.gguf.DemoModel;

/**
 * The guided tour: every scenario through every style against one endpoint, tokens printed as
 * they arrive, then the matrix. Each style has a row for its own example files (the code a reader
 * copies, run as it is) and a row for its {@code LlmClient} adapter. Exits 0 when every supported cell passed, 1 otherwise.
 *
 * <p>Run it with the README's first command. The endpoint is {@code LLM_BASE_URL} if set, else a
 * local Ollama, else the embedded server running {@code LLM_MODEL_FILE} or the generated demo model
 * (random weights) in-process, else the scripted engine (see {@link EndpointResolver}).
 */
public final class Tour {

    private Tour() {
    }

    /** Runs the tour; exits with its status (explicitly: llama.cpp leaves a non-daemon native thread). */
    public static void main(String[] args) throws Exception {
        int status = run(System.out, System.getenv(), EndpointResolver.SCRIPTED_CHUNK_DELAY);
        System.exit(status);
    }

    /**
     * Runs the tour, printing to {@code out}.
     *
     * @param env                 the environment to resolve the endpoint from
     * @param scriptedChunkDelay  the pause between chunks if the embedded scripted server is used
     * @return the exit status: 0 when every supported cell passed
     * @throws Exception if the endpoint cannot be resolved or closed
     */
    public static int run(PrintStream out, Map<String, String> env, Duration scriptedChunkDelay) throws Exception {
        out.println("Switchboard workshop: five scenarios, every style, one endpoint.");
        try (TourEndpoint target = EndpointResolver.resolve(env, out, scriptedChunkDelay)) {
            // The resolution has printed which endpoint it chose and why ("· endpoint: ...").
            boolean demoModel = DemoModel.MODEL_NAME.equals(target.endpoint().chatModel());
            out.println("Chat model: " + target.endpoint().chatModel()
                    + ", embedding model: " + target.endpoint().embeddingModel()
                    + (demoModel ? " (" + DemoModel.NOTICE + ")" : ""));
            // First the files a reader copies, one row per style and flavour; then the LlmClient adapters.
            List<StyleTour> styles = new ArrayList<>(ExampleRows.all());
            LlmClients.availableStyles().forEach(style -> styles.add(new LlmClientTour(style)));
            Matrix matrix = new Matrix();
            for (StyleTour style : styles) {
                for (Scenario scenario : Scenario.values()) {
                    out.println();
                    out.println("── " + style.name() + " · " + scenario.title());
                    Outcome outcome = runOne(style, scenario, target, out);
                    out.println("   → " + outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (outcome.detail().isEmpty() ? "" : ": " + outcome.detail()));
                    matrix.put(style.name(), scenario, outcome);
                }
            }
            matrix.print(out);
            if (demoModel) {
                out.println("The answers above came from the generated demo model: " + DemoModel.NOTICE + ".");
                out.println("Its tool calls are well-formed (a grammar built from the tool's JSON Schema makes the"
                        + " arguments valid), not sensible: the city it asks about is noise too.");
            }
            return matrix.allSupportedPassed() ? 0 : 1;
        }
    }

    private static Outcome runOne(StyleTour style, Scenario scenario, TourEndpoint target, PrintStream out) {
        if (target.unsupported(scenario).isPresent()) {
            return Outcome.notSupported("unsupported by this endpoint: " + target.unsupported(scenario).get());
        }
        try {
            return style.run(scenario, target, out);
        } catch (Exception | LinkageError e) {
            // LinkageError: a library's class that does not fit the class path (e.g. two majors of
            // one dependency): one cell fails with it, the tour goes on.
            return Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
