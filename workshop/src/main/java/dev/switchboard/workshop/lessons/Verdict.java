package dev.switchboard.workshop.lessons;

import java.util.List;

/**
 * What a lesson's check says.
 *
 * @param passed   whether the lesson is done
 * @param findings what was seen, one plain sentence each: for a pass what worked, for a failure
 *                 what is still wrong and the hint for it (never empty)
 */
public record Verdict(boolean passed, List<String> findings) {

    /** Copies the list; a verdict always says something. */
    public Verdict {
        findings = List.copyOf(findings);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a verdict says what was seen");
        }
    }

    /** The lesson is done. */
    public static Verdict passed(String... findings) {
        return new Verdict(true, List.of(findings));
    }

    /** Something is still wrong. */
    public static Verdict failed(String... findings) {
        return new Verdict(false, List.of(findings));
    }
}
