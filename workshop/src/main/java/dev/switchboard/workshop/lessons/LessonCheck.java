package dev.switchboard.workshop.lessons;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

import dev.switchboard.workshop.EndpointResolver;
import dev.switchboard.workshop.TourEndpoint;

/**
 * The learner's one command per lesson:
 * {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=N}. Resolves the
 * endpoint as the tour does, runs lesson {@code N}'s check on the learner's file, and says in plain
 * words what is still wrong or that the lesson is done. Exits 0 when it is done, 1 when not, 2 when
 * there is no such lesson.
 */
public final class LessonCheck {

    private LessonCheck() {
    }

    /** Checks the lesson named by the first argument; exits with {@link #run}'s status. */
    public static void main(String[] args) throws Exception {
        System.exit(run(args.length == 0 ? "" : args[0], System.getenv(), System.out));
    }

    /**
     * Checks one lesson, printing to {@code out}.
     *
     * @param lesson the lesson's number, as typed after {@code -Dlesson=}
     * @param env    the environment the endpoint is resolved from
     * @return 0 when the lesson is done, 1 when not, 2 when there is no lesson {@code lesson}
     * @throws Exception if the endpoint cannot be resolved or closed
     */
    public static int run(String lesson, Map<String, String> env, PrintStream out) throws Exception {
        int number;
        try {
            number = Integer.parseInt(lesson.trim());
        } catch (NumberFormatException e) {
            out.println("Which lesson? Add -Dlesson=N with N from 1 to " + Lessons.LAST + " (was '" + lesson + "').");
            return 2;
        }
        Lesson<?> found = Lessons.find(number).orElse(null);
        if (found == null) {
            out.println("There is no lesson " + number + " yet: lessons are 1 to " + Lessons.LAST
                    + "; see workshop/README.md.");
            return 2;
        }
        out.println("Lesson " + number + ": " + found.title());
        try (TourEndpoint target = EndpointResolver.resolve(env, out, Duration.ZERO)) {
            Verdict verdict = checkStarter(found, target);
            for (String finding : verdict.findings()) {
                out.println((verdict.passed() ? "  ✓ " : "  ✗ ") + finding);
            }
            out.println(verdict.passed() ? "Lesson " + number + " is done." : "Not yet: fix the ✗ lines and run the check again.");
            return verdict.passed() ? 0 : 1;
        }
    }

    private static <T> Verdict checkStarter(Lesson<T> lesson, TourEndpoint target) {
        return lesson.check(lesson.starter(), target.endpoint());
    }
}
