package dev.switchboard.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.StreamInterruptedException;

/** The relay against fake upstreams whose every event the test releases: retries, cancel, pause, health. */
class UpstreamEngineTest {

    private final FakeUpstream a = new FakeUpstream();
    private final FakeUpstream b = new FakeUpstream();
    private UpstreamEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private UpstreamEngine twoUpstreams() {
        engine = UpstreamEngine.builder().healthCheckInterval(Duration.ofHours(1))
                .upstream(Upstream.of("a", "http://a", a.client())).upstream(Upstream.of("b", "http://b", b.client())).build();
        return engine;
    }

    /** Records what reaches the sink. */
    static final class Recorder implements EngineSink {
        final List<ChatEvent> events = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile Throwable error;
        volatile boolean completed;

        @Override
        public void onEvent(ChatEvent event) {
            events.add(event);
        }

        @Override
        public void onComplete() {
            completed = true;
            ended.countDown();
        }

        @Override
        public void onError(Throwable e) {
            error = e;
            ended.countDown();
        }

        void awaitEnd() throws InterruptedException {
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("the relay ended").isTrue();
        }

        void awaitEvents(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(events).hasSize(n);
        }
    }

    private static ChatRequest hello() {
        return ChatRequest.builder().model("m").user("hello").build();
    }

    private static ConnectionException refused() {
        return new ConnectionException("connection failed while connecting: refused", new IOException("refused"));
    }

    @Test
    void aClosedGatewayRefusesChatsAndEmbeddingsWith503() {
        twoUpstreams().close();

        assertThatThrownBy(() -> engine.chat(hello(), new Recorder()))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessage("the gateway is closed");
        assertThatThrownBy(() -> engine.embed(dev.switchboard.core.EmbeddingRequest.of("x")))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessage("the gateway is closed");
    }

    @Test
    void aFailureBeforeTheFirstEventIsTriedOnTheOtherUpstream() throws Exception {
        twoUpstreams();
        a.refuseNext(refused());
        b.next(new FakeUpstream.Answer().push(new ChatEvent.TextDelta("hi")).push(new ChatEvent.Finish(FinishReason.STOP)).end());

        Recorder sink = new Recorder();
        engine.chat(hello(), sink);
        sink.awaitEnd();

        assertThat(sink.completed).isTrue();
        assertThat(sink.events).containsExactly(new ChatEvent.TextDelta("hi"), new ChatEvent.Finish(FinishReason.STOP));
        assertThat(engine.health().upstreams().get(0).healthy()).as("a, found down by the request").isFalse();
        assertThat(engine.health().upstreams().get(0).reason()).startsWith("upstream 'a' is unreachable");
        assertThat(engine.health().healthy()).isTrue();
    }

    @Test
    void aFailureAfterTheFirstEventIsNotRetried() throws Exception {
        twoUpstreams();
        FakeUpstream.Answer answer = new FakeUpstream.Answer().push(new ChatEvent.TextDelta("half"));
        a.next(answer);

        Recorder sink = new Recorder();
        engine.chat(hello(), sink);
        sink.awaitEvents(1);
        answer.fail(new StreamInterruptedException("cut", PartialResponse.EMPTY, new IOException("unexpected end of stream")));
        sink.awaitEnd();

        assertThat(sink.events).containsExactly(new ChatEvent.TextDelta("half"));
        assertThat(sink.error).isInstanceOf(EngineException.class);
        assertThat(((EngineException) sink.error).status()).isEqualTo(502);
        assertThat(sink.error.getMessage()).isEqualTo("upstream 'a' broke off the stream: unexpected end of stream");
        assertThat(b.streams.get()).as("streams opened on b").isZero();
    }

    @Test
    void eachEventIsHandedOnBeforeTheNextArrives() throws Exception {
        twoUpstreams();
        FakeUpstream.Answer answer = new FakeUpstream.Answer();
        a.next(answer);
        Recorder sink = new Recorder();
        engine.chat(hello(), sink);

        answer.push(new ChatEvent.TextDelta("one"));
        sink.awaitEvents(1); // the upstream has sent nothing else yet: a buffering relay would hold this back
        answer.push(new ChatEvent.TextDelta("two"));
        sink.awaitEvents(2);
        answer.push(new ChatEvent.Finish(FinishReason.STOP)).end();
        sink.awaitEnd();

        assertThat(sink.completed).isTrue();
    }

    @Test
    void cancellingClosesTheUpstreamStreamAndNothingFollows() throws Exception {
        twoUpstreams();
        FakeUpstream.Answer answer = new FakeUpstream.Answer().push(new ChatEvent.TextDelta("one"));
        a.next(answer);
        Recorder sink = new Recorder();
        EngineCall call = engine.chat(hello(), sink);
        sink.awaitEvents(1);

        call.cancel();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answer.cancelled() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        answer.push(new ChatEvent.TextDelta("late"));

        assertThat(answer.cancelled()).as("upstream stream cancelled").isEqualTo(1);
        assertThat(sink.events).containsExactly(new ChatEvent.TextDelta("one"));
        assertThat(sink.ended.getCount()).as("no onComplete or onError after cancel").isEqualTo(1);
    }

    @Test
    void aPausedRelayHandsNothingOnUntilResumed() throws Exception {
        twoUpstreams();
        FakeUpstream.Answer answer = new FakeUpstream.Answer().push(new ChatEvent.TextDelta("one"));
        a.next(answer);
        Recorder sink = new Recorder();
        PausableEngineCall call = (PausableEngineCall) engine.chat(hello(), sink);
        sink.awaitEvents(1);

        call.pause();
        answer.push(new ChatEvent.TextDelta("two")).push(new ChatEvent.Finish(FinishReason.STOP)).end();
        Thread.sleep(200); // time for a relay that ignored the pause to deliver
        int whilePaused = sink.events.size();
        call.resume();
        sink.awaitEnd();

        assertThat(whilePaused).isEqualTo(1);
        assertThat(sink.events).hasSize(3);
    }

    @Test
    void healthAndRoutingFollowTheModelLists() {
        twoUpstreams();
        assertThat(engine.models()).extracting(m -> m.id()).containsExactly("m");
        assertThatThrownBy(() -> engine.chat(ChatRequest.builder().model("other").user("x").build(), new Recorder()))
                .isInstanceOf(EngineException.class).hasMessage("model 'other' not found");

        b.modelsFail(refused());
        engine.checkNow(Duration.ofSeconds(5));
        assertThat(engine.health().healthy()).isTrue();
        assertThat(engine.health().upstreams().get(1).reason()).startsWith("upstream 'b' is unreachable");

        a.modelsFail(refused());
        engine.checkNow(Duration.ofSeconds(5));
        EngineHealth down = engine.health();
        assertThat(down.healthy()).isFalse();
        assertThat(down.reason()).startsWith("no upstream is healthy: a: upstream 'a' is unreachable");
        assertThatThrownBy(() -> engine.chat(hello(), new Recorder())).isInstanceOf(EngineException.class)
                .hasMessageStartingWith("no healthy upstream serves model 'm'")
                .satisfies(e -> assertThat(((EngineException) e).status()).isEqualTo(503));

        a.modelsFail(null);
        engine.checkNow(Duration.ofSeconds(5));
        assertThat(engine.health().healthy()).as("a is back after a passing check").isTrue();
    }
}
