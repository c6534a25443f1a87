package dev.switchboard.server.internal.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StopMatcherTest {

    @Test
    void textWithoutStopSequencesPassesThrough() {
        StopMatcher m = new StopMatcher(List.of());
        assertThat(m.accept("hello ")).isEqualTo("hello ");
        assertThat(m.flush()).isEmpty();
        assertThat(m.stopped()).isFalse();
    }

    @Test
    void aSequenceSplitOverPiecesIsHeldBackThenCut() {
        StopMatcher m = new StopMatcher(List.of("END"));
        assertThat(m.accept("one E")).isEqualTo("one ");
        assertThat(m.accept("N")).isEmpty();
        assertThat(m.accept("D two")).isEmpty();
        assertThat(m.stopped()).isTrue();
        assertThat(m.accept("more")).isEmpty();
        assertThat(m.flush()).isEmpty();
    }

    @Test
    void aFalseStartIsReleased() {
        StopMatcher m = new StopMatcher(List.of("END"));
        assertThat(m.accept("E")).isEmpty();
        assertThat(m.accept("x")).isEqualTo("Ex");
        assertThat(m.accept("EN")).isEmpty();
        assertThat(m.flush()).isEqualTo("EN");
        assertThat(m.stopped()).isFalse();
    }

    @Test
    void theEarliestOfSeveralSequencesWins() {
        StopMatcher m = new StopMatcher(List.of("b", "a", ""));
        assertThat(m.accept("xxab")).isEqualTo("xx");
        assertThat(m.stopped()).isTrue();
    }
}
