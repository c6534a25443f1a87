package dev.switchboard.workshop.lessons;

/**
 * Thrown by a starter file where the learner still has to write code: the message says what goes
 * there. A check that meets one reports "not done yet: " and that message.
 */
public final class Gap extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A gap in the starter.
     *
     * @param todo what the learner writes here, e.g. {@code "read each data: line of the stream"}
     */
    public Gap(String todo) {
        super(todo);
    }
}
