package dev.switchboard.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.FinishReason;
import dev.switchboard.server.gguf.DemoModel;

/** The engine called directly, without HTTP, on the generated demo model (random weights). */
@Timeout(120)
class LlamaCppEngineDirectTest {

    private static final Path MODELS = Path.of(System.getProperty("switchboard.models", "target/models"));

    @Test
    void aRequestSentAsSoonAsTheLastAnswerEndedIsNeverRefusedAsBusy() {
        try (LlamaCppEngine engine = LlamaCppEngine.demo(MODELS, DemoModel.DEFAULT_SEED).queueCapacity(0).probe(false).build()) {
            for (int i = 0; i < 20; i++) {
                List<ChatEvent> events = Engines.collect(engine, ChatRequest.builder().user("hi " + i).maxTokens(2).build());
                assertThat(events).endsWith(new ChatEvent.Finish(FinishReason.LENGTH));
            }
            assertThat(engine.generatedTokens()).isEqualTo(40);
        }
    }

    @Test
    void closingStopsTheEngineAndLaterRequestsGet503() {
        LlamaCppEngine engine = LlamaCppEngine.demo(MODELS, DemoModel.DEFAULT_SEED).probe(false).build();
        Engines.collect(engine, ChatRequest.builder().user("hi").maxTokens(1).build());

        engine.close();
        engine.close(); // idempotent

        assertThatThrownBy(() -> engine.chat(ChatRequest.builder().user("hi").build(), null))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("closed")
                .matches(e -> ((EngineException) e).status() == 503);
    }
}
