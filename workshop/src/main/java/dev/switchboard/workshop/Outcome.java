package dev.switchboard.workshop;

/**
 * One cell of the matrix.
 *
 * @param status passed, failed or not supported
 * @param detail for a pass, what was seen; for a failure, the reason; for not supported, why
 */
public record Outcome(Status status, String detail) {

    /** A cell's state. */
    public enum Status {
        /** The scenario ran and its checks held. */
        PASSED,
        /** It ran and a check failed, or it threw. */
        FAILED,
        /** This style, or this endpoint, does not offer it. */
        NOT_SUPPORTED
    }

    /** A pass with what was seen. */
    public static Outcome passed(String detail) {
        return new Outcome(Status.PASSED, detail);
    }

    /** A failure with its reason. */
    public static Outcome failed(String reason) {
        return new Outcome(Status.FAILED, reason);
    }

    /** Not supported, with why. */
    public static Outcome notSupported(String reason) {
        return new Outcome(Status.NOT_SUPPORTED, reason);
    }

    /** A pass when {@code ok}, else a failure; {@code detail} either way. */
    public static Outcome check(boolean ok, String detail) {
        return ok ? passed(detail) : failed(detail);
    }
}
