package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatEvent;

class ThinkTagSplitterTest {

    /** Text and reasoning collected from one run, plus the raw events. */
    private static final class Sink {
        final StringBuilder text = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        final List<ChatEvent> events = new ArrayList<>();

        void accept(ChatEvent e) {
            events.add(e);
            if (e instanceof ChatEvent.TextDelta t) {
                assertThat(t.text()).isNotEmpty();
                text.append(t.text());
            } else if (e instanceof ChatEvent.ReasoningDelta r) {
                assertThat(r.text()).isNotEmpty();
                reasoning.append(r.text());
            }
        }
    }

    private static Sink run(String... pieces) {
        ThinkTagSplitter splitter = new ThinkTagSplitter();
        Sink sink = new Sink();
        for (String piece : pieces) {
            splitter.feed(piece, sink::accept);
        }
        splitter.flush(sink::accept);
        return sink;
    }

    @Test
    void contentWithoutTagsPassesThroughAsOneTextDeltaPerPiece() {
        Sink sink = run("Hello", " world");

        assertThat(sink.events).containsExactly(new ChatEvent.TextDelta("Hello"), new ChatEvent.TextDelta(" world"));
    }

    @Test
    void thinkBlockBecomesReasoningAndTheBlankLineAfterItIsDropped() {
        Sink sink = run("<think>\nThe user said hi.\n</think>\n\nHello!");

        assertThat(sink.reasoning.toString()).isEqualTo("\nThe user said hi.\n");
        assertThat(sink.text.toString()).isEqualTo("Hello!");
    }

    @Test
    void tagsSplitAtEveryPossiblePositionGiveTheSameResult() {
        String content = "Intro <think>plan it</think> answer <b>bold</b>";
        for (int i = 0; i <= content.length(); i++) {
            for (int j = i; j <= content.length(); j++) {
                Sink sink = run(content.substring(0, i), content.substring(i, j), content.substring(j));
                assertThat(sink.reasoning.toString()).as("split at %d/%d", i, j).isEqualTo("plan it");
                assertThat(sink.text.toString()).as("split at %d/%d", i, j).isEqualTo("Intro answer <b>bold</b>");
            }
        }
    }

    @Test
    void oneCharacterAtATimeStillSeparates() {
        String content = "<think>a<b</think>c</thinker>";
        String[] chars = content.split("");
        Sink sink = run(chars);

        assertThat(sink.reasoning.toString()).isEqualTo("a<b");
        assertThat(sink.text.toString()).isEqualTo("c</thinker>");
    }

    @Test
    void openingTagSplitAcrossPiecesIsHeldBackUntilDecided() {
        ThinkTagSplitter splitter = new ThinkTagSplitter();
        Sink sink = new Sink();

        splitter.feed("Hi <thi", sink::accept);
        assertThat(sink.text.toString()).isEqualTo("Hi ");
        assertThat(splitter.held()).isEqualTo("<thi");

        splitter.feed("nk>why</th", sink::accept);
        assertThat(splitter.inThink()).isTrue();
        assertThat(sink.reasoning.toString()).isEqualTo("why");

        splitter.feed("ink>ok", sink::accept);
        assertThat(splitter.inThink()).isFalse();
        assertThat(sink.text.toString()).isEqualTo("Hi ok");
    }

    @Test
    void lessThanThatIsNotATagIsTextAsSoonAsItIsClear() {
        ThinkTagSplitter splitter = new ThinkTagSplitter();
        Sink sink = new Sink();

        splitter.feed("a < b and <", sink::accept);
        assertThat(sink.text.toString()).isEqualTo("a < b and ");
        splitter.feed("thinking>", sink::accept);
        assertThat(sink.text.toString()).isEqualTo("a < b and <thinking>");
        assertThat(sink.reasoning.toString()).isEmpty();
    }

    @Test
    void partialTagAtTheEndIsFlushedAsText() {
        Sink sink = run("x <thin");

        assertThat(sink.text.toString()).isEqualTo("x <thin");
    }

    @Test
    void unclosedThinkIsReasoningUpToTheEnd() {
        Sink sink = run("<think>still thinking</th");

        assertThat(sink.reasoning.toString()).isEqualTo("still thinking</th");
        assertThat(sink.text.toString()).isEmpty();
    }

    @Test
    void whitespaceOnlyPiecesAfterTheCloseTagAreDroppedButLaterSpacesKept() {
        Sink sink = run("<think>r</think>", "\n", "\n", "Hi", " there");

        assertThat(sink.text.toString()).isEqualTo("Hi there");
    }

    @Test
    void severalThinkBlocksAlternate() {
        Sink sink = run("<think>one</think>A <think>two</think>B");

        assertThat(sink.reasoning.toString()).isEqualTo("onetwo");
        assertThat(sink.text.toString()).isEqualTo("A B");
    }

    @Test
    void splitWholeReturnsReasoningAndText() {
        assertThat(ThinkTagSplitter.splitWhole("<think>r</think>\n\nt")).containsExactly("r", "t");
        assertThat(ThinkTagSplitter.splitWhole("plain")).containsExactly(null, "plain");
    }
}
