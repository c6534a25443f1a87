package dev.switchboard.workshop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Endpoint;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * What every lesson's test proves, against the embedded scripted server: its check fails on the
 * starter as shipped (and says why), and passes on the reference solution. A lesson's test class
 * extends this and returns its lesson.
 *
 * @param <T> the lesson's work type
 */
@ExtendWith(LlmEndpointExtension.class)
public abstract class LessonContract<T> {

    /** The lesson under test. */
    protected abstract Lesson<T> lesson();

    @Test
    void theCheckFailsOnTheStarterAndSaysWhy(Endpoint endpoint) {
        Verdict verdict = lesson().check(lesson().starter(), endpoint);

        assertThat(verdict.passed()).as("starter: %s", verdict.findings()).isFalse();
        assertThat(String.join("\n", verdict.findings())).isNotBlank();
    }

    @Test
    void theCheckPassesOnTheSolution(Endpoint endpoint) {
        Verdict verdict = lesson().check(lesson().solution(), endpoint);

        assertThat(verdict.passed()).as("solution: %s", verdict.findings()).isTrue();
    }

    @Test
    void theLessonIsFoundByItsNumber() {
        assertThat(Lessons.find(lesson().number())).get().extracting(Lesson::title).isEqualTo(lesson().title());
    }
}
