package dev.switchboard.server.internal.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How documents become passages: whole paragraphs joined up to the limit, long ones cut at a space. */
class PassagesTest {

    @Test
    void shortParagraphsAreJoinedUpToTheLimit() {
        List<String> passages = Passages.split("aaaa aaaa\n\nbbbb bbbb\r\n\r\ncccc cccc\n", 25);

        assertThat(passages).containsExactly("aaaa aaaa\n\nbbbb bbbb", "cccc cccc");
    }

    @Test
    void aLongParagraphIsCutAtTheLastSpaceBeforeTheLimit() {
        List<String> passages = Passages.split("one two three four five six seven", 12);

        assertThat(passages).containsExactly("one two", "three four", "five six", "seven");
        assertThat(passages).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(12));
    }

    @Test
    void aWordLongerThanTheLimitIsCutHardWithoutSplittingASurrogatePair() {
        List<String> passages = Passages.split("abcd😊efgh", 5);

        assertThat(String.join("", passages)).isEqualTo("abcd😊efgh");
        assertThat(passages.get(0)).isEqualTo("abcd");
    }

    @Test
    void blankTextGivesNoPassage() {
        assertThat(Passages.split(" \n\n\t\n", 100)).isEmpty();
    }
}
