package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.LlamaCppEngine;

/**
 * {@code /v1/completions} on the llama.cpp engine (the generated demo model, random weights, or
 * {@code LLM_MODEL_FILE}): the prompt reaches the model as it is, without the chat template, and
 * {@code max_tokens} ends with {@code length}, streaming and not.
 */
@Timeout(120)
class LlamaCppCompletionsTest {

    private static final String PROMPT = "Once upon a time";

    static LlamaCppEngine engine;
    static SwitchboardServer server;

    @BeforeAll
    static void start() {
        engine = LlamaModels.builder().queueCapacity(1).build();
        server = SwitchboardServer.start(engine);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePromptIsCountedRawNotThroughTheChatTemplate() {
        HttpResponse<String> response = Http.post(server, "/v1/completions",
                "{\"prompt\":\"" + PROMPT + "\",\"max_tokens\":8,\"seed\":42}");
        JsonNode body = Http.json(response.body());
        int raw = engine.promptTokens(ChatRequest.builder().user(PROMPT).extension(Engine.RAW_PROMPT, true).build());
        int templated = engine.promptTokens(ChatRequest.builder().user(PROMPT).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(raw);
        assertThat(raw).as("the raw prompt is shorter than the templated one").isLessThan(templated);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(8);
        assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void aStreamGivesAChunkPerTokenThenLengthAndUsage() {
        HttpResponse<String> response = Http.post(server, "/v1/completions", "{\"prompt\":\"" + PROMPT
                + "\",\"max_tokens\":6,\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        List<JsonNode> chunks = Http.sseChunks(response.body());
        JsonNode finish = chunks.get(chunks.size() - 2);
        JsonNode usage = chunks.get(chunks.size() - 1);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(chunks.size() - 2).as("text chunks: one per token, fewer where a piece is incomplete UTF-8")
                .isBetween(1, 6);
        assertThat(finish.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(6);
        assertThat(Http.sseData(response.body())).last().isEqualTo("[DONE]");
    }
}
