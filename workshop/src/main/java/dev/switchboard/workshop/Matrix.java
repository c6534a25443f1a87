package dev.switchboard.workshop;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tour's result: style × scenario, each cell passed, failed (with the reason) or not supported. */
final class Matrix {

    private final Map<String, Map<Scenario, Outcome>> rows = new LinkedHashMap<>();

    void put(String style, Scenario scenario, Outcome outcome) {
        rows.computeIfAbsent(style, s -> new LinkedHashMap<>()).put(scenario, outcome);
    }

    /** Whether every supported cell passed. */
    boolean allSupportedPassed() {
        return rows.values().stream().flatMap(r -> r.values().stream())
                .noneMatch(o -> o.status() == Outcome.Status.FAILED);
    }

    void print(PrintStream out) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
        out.println();
        out.printf("%-" + width + "s", "style");
        for (Scenario scenario : Scenario.values()) {
            out.printf("%-15s", scenario.title());
        }
        out.println();
        for (Map.Entry<String, Map<Scenario, Outcome>> row : rows.entrySet()) {
            out.printf("%-" + width + "s", row.getKey());
            for (Scenario scenario : Scenario.values()) {
                Outcome outcome = row.getValue().get(scenario);
                out.printf("%-15s", outcome == null ? "-" : symbol(outcome.status()));
            }
            out.println();
        }
        out.println();
        for (Map.Entry<String, Map<Scenario, Outcome>> row : rows.entrySet()) {
            for (Map.Entry<Scenario, Outcome> cell : row.getValue().entrySet()) {
                if (cell.getValue().status() != Outcome.Status.PASSED) {
                    out.printf("%s / %s: %s — %s%n", row.getKey(), cell.getKey().title(),
                            symbol(cell.getValue().status()), cell.getValue().detail());
                }
            }
        }
    }

    private static String symbol(Outcome.Status status) {
        switch (status) {
            case PASSED:
                return "passed";
            case FAILED:
                return "FAILED";
            default:
                return "n/a";
        }
    }
}
