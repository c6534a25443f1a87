package dev.switchboard.langchain4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.error.StreamInterruptedException;

/**
 * The bridge on its own, driven the way LangChain4j drives it: callbacks on one thread, reads on
 * another.
 */
class StreamBridgeTest {

    private static final Duration IDLE = Duration.ofSeconds(5);

    private static final class Handle implements StreamingHandle {
        volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    @Test
    void aCallbackBlocksWhenTheReaderFallsBehindSoNothingBuffersWithoutBound() throws Exception {
        StreamBridge bridge = new StreamBridge(new Exchange(), IDLE);
        Handle handle = new Handle();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 10 * Handoff.CAPACITY; i++) {
                bridge.onPartialResponse(new PartialResponse("t" + i), new PartialResponseContext(handle));
                sent.incrementAndGet();
            }
            released.countDown();
        });
        producer.start();

        awaitBlocked(producer); // the callback after the last one that fits
        assertThat(sent.get()).as("callbacks that returned while nobody read").isEqualTo(Handoff.CAPACITY);

        bridge.cancel();

        assertThat(released.await(5, TimeUnit.SECONDS)).as("the blocked callback was released by cancel()").isTrue();
        assertThat(handle.isCancelled()).as("LangChain4j's StreamingHandle was cancelled").isTrue();
    }

    @Test
    void eventsBeforeAnErrorAreDeliveredThenTheErrorIsThrownOnTheReadersThread() {
        Exchange exchange = new Exchange();
        exchange.markBegan();
        StreamBridge bridge = new StreamBridge(exchange, IDLE);
        Handle handle = new Handle();
        bridge.onPartialResponse(new PartialResponse("You "), new PartialResponseContext(handle));
        bridge.onPartialResponse(new PartialResponse("said: "), new PartialResponseContext(handle));
        bridge.onError(new IOException("connection reset"));
        bridge.awaitFirst();

        assertThat(bridge.next()).isEqualTo(new ChatEvent.TextDelta("You "));
        assertThat(bridge.next()).isEqualTo(new ChatEvent.TextDelta("said: "));
        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class, bridge::next);

        assertThat(e.partial().text()).isEqualTo("You said: ");
        assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThat(handle.isCancelled()).as("the exchange is released").isTrue();
        assertThat(bridge.next()).as("nothing after the error").isNull();
    }

    @Test
    void thinkTagsInTheTextBecomeReasoningThenFinishThenUsage() {
        StreamBridge bridge = new StreamBridge(new Exchange(), IDLE);
        Handle handle = new Handle();
        for (String piece : new String[] {"<thi", "nk>Hmm.</think>", "Hi"}) {
            bridge.onPartialResponse(new PartialResponse(piece), new PartialResponseContext(handle));
        }
        bridge.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("<think>Hmm.</think>Hi"))
                .finishReason(FinishReason.STOP)
                .tokenUsage(new dev.langchain4j.model.output.TokenUsage(3, 4)).build());
        bridge.awaitFirst();

        StringBuilder reasoning = new StringBuilder();
        StringBuilder text = new StringBuilder();
        ChatEvent event;
        ChatEvent last = null;
        ChatEvent beforeLast = null;
        while ((event = bridge.next()) != null) {
            if (event instanceof ChatEvent.ReasoningDelta r) {
                reasoning.append(r.text());
            } else if (event instanceof ChatEvent.TextDelta t) {
                text.append(t.text());
            }
            beforeLast = last;
            last = event;
        }
        assertThat(reasoning).hasToString("Hmm.");
        assertThat(text).hasToString("Hi");
        assertThat(beforeLast).isEqualTo(new ChatEvent.Finish(dev.switchboard.core.FinishReason.STOP));
        assertThat(last).isEqualTo(new ChatEvent.UsageEvent(new dev.switchboard.core.Usage(3, 4, 7)));
    }

    /** Waits, up to 5 s, until {@code thread} blocks (waiting, with or without a timeout): the state the test acts on. */
    private static void awaitBlocked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " did not block within 5 s: " + thread.getState());
            }
            Thread.yield();
        }
    }
}
