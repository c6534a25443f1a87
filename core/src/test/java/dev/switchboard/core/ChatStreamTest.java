package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.error.StreamInterruptedException;

class ChatStreamTest {

    /** A source that replays events and counts cancellations. */
    private static final class Replay implements ChatStream.Source {
        final Deque<ChatEvent> events;
        final AtomicInteger cancels = new AtomicInteger();
        RuntimeException failAtEnd;

        Replay(ChatEvent... events) {
            this.events = new ArrayDeque<>(List.of(events));
        }

        @Override
        public ChatEvent next() {
            if (events.isEmpty() && failAtEnd != null) {
                throw failAtEnd;
            }
            return events.poll();
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }
    }

    private static Replay helloStream() {
        return new Replay(new ChatEvent.TextDelta("Hel"), new ChatEvent.TextDelta("lo"),
                new ChatEvent.Finish(FinishReason.STOP), new ChatEvent.UsageEvent(Usage.of(2, 2)));
    }

    @Test
    void iteratingDeliversEveryEventInOrderAndMarksExhaustion() {
        Replay source = helloStream();
        List<ChatEvent> seen = new ArrayList<>();
        try (ChatStream stream = ChatStream.of(source)) {
            for (ChatEvent e : stream) {
                seen.add(e);
            }
            assertThat(stream.isExhausted()).isTrue();
        }

        assertThat(seen).hasSize(4).startsWith(new ChatEvent.TextDelta("Hel"));
        assertThat(source.cancels).as("an exhausted stream is not cancelled").hasValue(0);
    }

    @Test
    void secondIterationFailsClearly() {
        ChatStream stream = ChatStream.of(helloStream());
        stream.iterator();

        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("only once");
        assertThatThrownBy(stream::stream).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(stream::collect).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingMidwayCancelsTheSourceOnceAndStopsIteration() {
        Replay source = helloStream();
        ChatStream stream = ChatStream.of(source);
        Iterator<ChatEvent> it = stream.iterator();
        it.next();

        stream.close();
        stream.close();

        assertThat(source.cancels).hasValue(1);
        assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingBeforeReadingCancels() {
        Replay source = helloStream();
        ChatStream.of(source).close();

        assertThat(source.cancels).hasValue(1);
    }

    @Test
    void collectAssemblesTheAnswerCallsBackAndCloses() {
        Replay source = helloStream();
        List<ChatEvent> seen = new ArrayList<>();
        ChatStream stream = ChatStream.of(source);

        ChatResponse response = stream.collect(seen::add);

        assertThat(response.text()).isEqualTo("Hello");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(new Usage(2, 2, 4));
        assertThat(seen).hasSize(4);
        assertThat(source.cancels).hasValue(0);
        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void errorsSurfaceOnTheCallersThreadAndCollectStillCloses() {
        Replay source = new Replay(new ChatEvent.TextDelta("partial"));
        source.failAtEnd = new StreamInterruptedException("cut", new PartialResponse("partial", "", null), null);

        assertThatThrownBy(() -> ChatStream.of(source).collect())
                .isInstanceOfSatisfying(StreamInterruptedException.class,
                        e -> assertThat(e.partial().text()).isEqualTo("partial"));
        assertThat(source.cancels).as("a failed stream is cancelled to release the connection").hasValue(1);
    }

    @Test
    void javaStreamViewClosesTheChatStream() {
        Replay source = helloStream();
        ChatStream stream = ChatStream.of(source);

        try (java.util.stream.Stream<ChatEvent> events = stream.stream()) {
            assertThat(events.limit(1).count()).isEqualTo(1);
        }

        assertThat(source.cancels).hasValue(1);
    }
}
