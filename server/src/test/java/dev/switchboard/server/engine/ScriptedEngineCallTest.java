package dev.switchboard.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.core.ChatRequest;

/** The scripted engine's asynchronous side: playing to a sink, cancel, pause, close. */
@Timeout(10)
class ScriptedEngineCallTest {

    private static final ChatRequest HELLO = ChatRequest.builder().user("one two three four five six").build();

    @Test
    void playsTheSameEventsToTheSinkAndThenCompletes() throws Exception {
        try (ScriptedEngine engine = new ScriptedEngine(2, Duration.ofMillis(1))) {
            ScriptedEngineTest.RecordingSink sink = new ScriptedEngineTest.RecordingSink();

            engine.chat(HELLO, sink);

            assertThat(sink.done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(sink.error).isNull();
            assertThat(sink.snapshot()).isEqualTo(engine.events(HELLO));
        }
    }

    @Test
    void cancellingStopsTheEventsAndTheCompletion() throws Exception {
        try (ScriptedEngine engine = new ScriptedEngine(1, Duration.ofMillis(100))) {
            ScriptedEngineTest.RecordingSink sink = new ScriptedEngineTest.RecordingSink();

            EngineCall call = engine.chat(HELLO, sink);
            call.cancel();
            int seen = sink.snapshot().size();

            assertThat(sink.done.await(400, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(sink.snapshot()).hasSize(seen).hasSizeLessThan(engine.events(HELLO).size());
        }
    }

    @Test
    void aPausedCallWaitsUntilResumed() throws Exception {
        try (ScriptedEngine engine = new ScriptedEngine(1, Duration.ofMillis(20))) {
            ScriptedEngineTest.RecordingSink sink = new ScriptedEngineTest.RecordingSink();

            PausableEngineCall call = (PausableEngineCall) engine.chat(HELLO, sink);
            call.pause();
            int seen = sink.snapshot().size();
            assertThat(sink.done.await(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(sink.snapshot()).hasSizeLessThanOrEqualTo(seen + 1); // at most the one already playing

            call.resume();
            assertThat(sink.done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(sink.snapshot()).isEqualTo(engine.events(HELLO));
        }
    }

    @Test
    void aClosedEngineRefusesWith503() {
        ScriptedEngine engine = new ScriptedEngine();
        engine.close();
        engine.close();

        assertThatThrownBy(() -> engine.chat(HELLO, new ScriptedEngineTest.RecordingSink()))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.status()).isEqualTo(503));
    }
}
