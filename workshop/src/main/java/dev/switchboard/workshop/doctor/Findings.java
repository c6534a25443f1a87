package dev.switchboard.workshop.doctor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The doctor's findings as they are printed: one line each, starting with ✓ (fine), ! (a warning:
 * works, but slower or with less) or ✗ (a problem), and the marks said so far, from which
 * {@link Doctor} draws its verdict. One run of the doctor owns one; not thread-safe.
 */
final class Findings {

    /** How a finding reads: fine, a warning, a problem. */
    enum Mark { OK, WARN, FAIL }

    private final PrintStream out;
    private final List<Mark> marks = new ArrayList<>();

    /**
     * No findings yet.
     *
     * @param out where to print the lines (the doctor passes its redacting stream)
     */
    Findings(PrintStream out) {
        this.out = out;
    }

    /** Prints {@code text} behind the sign of {@code mark} (✓, ! or ✗) and remembers the mark. */
    void say(Mark mark, String text) {
        marks.add(mark);
        out.println((mark == Mark.OK ? "✓ " : mark == Mark.WARN ? "! " : "✗ ") + text);
    }

    /** Whether a ✗ line was said. */
    boolean failed() {
        return marks.contains(Mark.FAIL);
    }

    /** Whether a ! line was said. */
    boolean warned() {
        return marks.contains(Mark.WARN);
    }
}
