package dev.switchboard.workshop;

/** One row of the matrix: a way of talking to the endpoint, running each scenario. */
public interface StyleTour {

    /** The row's name, e.g. {@code "raw-http examples"}. */
    String name();

    /**
     * Runs one scenario, printing what happens (tokens as they arrive) to {@code out}.
     *
     * @return the cell; a thrown exception is recorded as a failure by the caller
     * @throws Exception any failure of the scenario
     */
    Outcome run(Scenario scenario, TourEndpoint target, java.io.PrintStream out) throws Exception;
}
