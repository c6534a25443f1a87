package dev.switchboard.workshop.lessons;

import dev.switchboard.core.Endpoint;

/**
 * One lesson of the workshop: a file the learner completes (the starter, with marked gaps), the
 * reference solution of the same shape, and the check that tells the learner, in plain words, what
 * is still wrong or that the lesson is done.
 *
 * <p>Lesson {@code N} is the class {@code dev.switchboard.workshop.lessons.lessonNN.LessonNN} (two
 * digits), with a public no-argument constructor; its Markdown is {@code workshop/lessons/NN-*.md}.
 * The learner's file is the starter in {@code lessonNN}; the solution is in {@code lessonNN.solution}.
 * {@link LessonCheck} runs a lesson's check on the starter, against the resolved endpoint.
 *
 * @param <T> what the learner writes, seen through a type both starter and solution implement (an
 *            interface of the lesson, or a file path for a lesson whose work is not Java)
 */
public interface Lesson<T> {

    /** The lesson's number, 1 to 9. */
    int number();

    /** The lesson's title, e.g. {@code "Raw HTTP in Java"}. */
    String title();

    /** The learner's work: the starter file as it is now (edited by the learner, or still with its gaps). */
    T starter();

    /** The reference solution. */
    T solution();

    /**
     * Checks the learner's work against an endpoint: runs it and compares what it did with what the
     * lesson asks for (protocol facts that hold for any model, never the wording of an answer).
     *
     * @param work     the starter or the solution
     * @param endpoint where to run it; its chat and embedding models are set
     * @return passed, or failed with what is still wrong in words a learner understands; never throws
     *         for the learner's mistakes (an exception from their code becomes a failed verdict saying
     *         what it means: a gap left open, a 401, a 404, nothing listening, ...)
     */
    Verdict check(T work, Endpoint endpoint);
}
