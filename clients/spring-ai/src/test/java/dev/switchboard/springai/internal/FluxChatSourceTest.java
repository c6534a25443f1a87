package dev.switchboard.springai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.StreamInterruptedException;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The Flux-to-ChatStream bridge on its own, over hand-made Spring AI answers. */
class FluxChatSourceTest {

    private static final Endpoint ENDPOINT = Endpoint.builder().baseUrl("http://127.0.0.1:1/v1").build();

    @Test
    void theDeliveringThreadWaitsWhileCapacityAnswersAreUnread() {
        AtomicLong delivered = new AtomicLong();
        Flux<ChatResponse> answers = Flux.range(0, 10_000).map(i -> text("t" + i))
                .doOnNext(answer -> delivered.incrementAndGet())
                .subscribeOn(Schedulers.single());

        try (ChatStream stream = FluxChatSource.open(answers, ENDPOINT)) {
            Iterator<ChatEvent> events = stream.iterator();
            for (int taken = 1; taken <= 500; taken++) {
                assertThat(events.next()).isEqualTo(new ChatEvent.TextDelta("t" + (taken - 1)));
                // taken, plus at most CAPACITY in the queue, plus the one whose onNext is waiting
                assertThat(delivered.get() - taken).as("delivered ahead after %d taken", taken)
                        .isBetween(0L, FluxChatSource.CAPACITY + 1L);
            }
        }
    }

    @Test
    void moreThanCapacityDeliveredOnTheReadingThreadItselfFailsInsteadOfWaitingForever() {
        Flux<ChatResponse> synchronous = Flux.range(0, 10 * FluxChatSource.CAPACITY).map(i -> text("t" + i));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> FluxChatSource.open(synchronous, ENDPOINT).collect());

        assertThat(e).isNotNull();
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(e.partial().text()).startsWith("t0t1t2");
    }

    @Test
    void translatesTextFinishAndUsageInOrder() {
        ChatResponse finish = new ChatResponse(List.of(new Generation(new AssistantMessage(""),
                ChatGenerationMetadata.builder().finishReason("STOP").build())));

        List<ChatEvent> events = FluxChatSource.open(Flux.just(text("Hello"), text(" <think>hm</think>there"), finish),
                ENDPOINT).stream().toList();

        assertThat(events).containsExactly(new ChatEvent.TextDelta("Hello"), new ChatEvent.TextDelta(" "),
                new ChatEvent.ReasoningDelta("hm"), new ChatEvent.TextDelta("there"),
                new ChatEvent.Finish(FinishReason.STOP));
    }

    @Test
    void aFailureBeforeTheFirstAnswerIsThrownByOpenAsItsTypedException() {
        Flux<ChatResponse> refused = Flux.error(new ConnectException("Connection refused"));

        assertThatThrownBy(() -> FluxChatSource.open(refused, ENDPOINT))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void aFailureAfterTheFirstAnswerReachesTheCallersThreadWithTheTextSoFar() {
        AtomicReference<Thread> producer = new AtomicReference<>();
        Flux<ChatResponse> broken = Flux.concat(Flux.just(text("Hello"), text(" world")),
                        Flux.error(new IOException("connection reset")))
                .publishOn(Schedulers.single())
                .doOnNext(answer -> producer.set(Thread.currentThread()));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> FluxChatSource.open(broken, ENDPOINT).collect());

        assertThat(e).isNotNull();
        assertThat(e.partial().text()).isEqualTo("Hello world");
        assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThat(producer.get()).isNotNull().isNotSameAs(Thread.currentThread());
    }

    @Test
    void closingDisposesTheSubscription() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<ChatResponse> endless = Flux.concat(Flux.just(text("Hello")), Flux.<ChatResponse>never())
                .doOnCancel(() -> cancelled.set(true));

        try (ChatStream stream = FluxChatSource.open(endless, ENDPOINT)) {
            assertThat(stream.iterator().next()).isEqualTo(new ChatEvent.TextDelta("Hello"));
        }

        assertThat(cancelled).isTrue();
    }

    @Test
    void closingFromAnotherThreadReleasesABlockedReader() throws Exception {
        Flux<ChatResponse> stalled = Flux.concat(Flux.just(text("Hello")), Flux.<ChatResponse>never());
        ChatStream stream = FluxChatSource.open(stalled, ENDPOINT);
        Iterator<ChatEvent> events = stream.iterator();
        assertThat(events.next()).isEqualTo(new ChatEvent.TextDelta("Hello"));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch released = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                events.hasNext();
            } catch (Throwable t) {
                thrown.set(t);
            } finally {
                released.countDown();
            }
        });
        reader.start();
        awaitBlocked(reader); // waiting for the next event, which never comes

        stream.close();

        assertThat(released.await(5, TimeUnit.SECONDS)).as("the reader was released").isTrue();
        assertThat(thrown.get()).isInstanceOf(StreamInterruptedException.class)
                .hasCauseInstanceOf(CancellationException.class);
        assertThat(((StreamInterruptedException) thrown.get()).partial().text()).isEqualTo("Hello");
    }

    private static ChatResponse text(String text) {
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
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
