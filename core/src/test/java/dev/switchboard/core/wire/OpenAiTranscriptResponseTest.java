package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.MalformedResponseException;

/**
 * The real llama-server bodies in {@code core/src/test/resources/reference/llama-server-transcripts/},
 * read as a client.
 */
class OpenAiTranscriptResponseTest {

    private static final String SIXTEEN_TOKENS =
            "lengthpering angst sincerity racket tert eminent Undeadquished design portals chairedantha lag Draw References";

    @Test
    void nonStreamingAnswerGivesTextFinishUsageIdModelAndTimings() {
        ChatResponse r = OpenAiWire.readChatResponse(Transcripts.load("04-chat-nonstream.txt").body());

        assertThat(r.text()).isEqualTo(SIXTEEN_TOKENS);
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.usage()).isEqualTo(new Usage(26, 16, 42));
        assertThat(r.id()).isEqualTo("chatcmpl-YxUbNrdD4UW28v7lJF9f1Dtyu6iHhrXD");
        assertThat(r.model()).isEqualTo("tiny-random-llama.gguf");
        assertThat(r.reasoning()).isNull();
        assertThat(r.toolCalls()).isEmpty();
        assertThat(r.extensions()).containsOnlyKeys("timings");
        assertThat(((Map<?, ?>) r.extensions().get("timings")).get("predicted_n")).isEqualTo(16);
    }

    @Test
    void toolCallAnswerHasTheCallWithItsStringArgumentsAndEmptyContent() {
        ChatResponse r = OpenAiWire.readChatResponse(Transcripts.load("34-forced-tool-call.txt").body());

        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.text()).isEmpty();
        assertThat(r.toolCalls()).containsExactly(new ToolCall("NPiR7eKKczFP8jeFqeX43Wdqt0oSUX5p", "get_weather",
                "{\"city\"\n:\"<tool_call>\" }"));
        assertThat(r.usage()).isEqualTo(new Usage(220, 34, 254));
    }

    @Test
    void twoToolCallsCutByLengthAreBothKeptWithTheirArgumentsAsSent() {
        ChatResponse r = OpenAiWire.readChatResponse(Transcripts.load("37-forced-tool-call-no-close-bias.txt").body());

        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.toolCalls()).extracting(ToolCall::id).containsExactly("VZ77yvMLs4jrfgRPWFYEX39acPgly8mW",
                "Q73kZE7l3h4pDFuOVws6vYQ129u2VlHf");
        assertThat(r.toolCalls().get(1).arguments()).isEqualTo("{");
    }

    @Test
    void emptyAnswerStoppedByEosIsEmptyTextWithFinishStop() {
        ChatResponse r = OpenAiWire.readChatResponse(Transcripts.load("47-force-stop-eos.txt").body());

        assertThat(r.text()).isEmpty();
        assertThat(r.message().content()).isEmpty();
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usage()).isEqualTo(new Usage(26, 1, 27));
    }

    @ParameterizedTest
    @CsvSource({"09-tools-auto.txt,64", "13-tool-result-roundtrip.txt,16", "23-embd-server-chat.txt,8",
        "27-max-tokens-0.txt,1", "30-json-response-format.txt,48", "42-bad-role.txt,4", "48-json-schema-format.txt,64"})
    void everyRecordedChatCompletionReads(String file, int completionTokens) {
        ChatResponse r = OpenAiWire.readChatResponse(Transcripts.load(file).body());

        assertThat(r.text()).isNotEmpty();
        assertThat(r.usage().completionTokens()).isEqualTo(completionTokens);
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void twoChoiceAnswerReadsChoiceZero() {
        ChatResponse r = OpenAiWire.readChatResponse(Transcripts.load("28-n-2.txt").body());

        assertThat(r.text()).isEqualTo("length HTPATH€ mastered submitbek decl");
    }

    @Test
    void embeddingsGiveOneVectorPerInputInOrderWithUsage() {
        EmbeddingResponse one = OpenAiWire.readEmbeddingResponse(Transcripts.load("19-embeddings.txt").body());
        EmbeddingResponse two = OpenAiWire.readEmbeddingResponse(Transcripts.load("20-embeddings-batch.txt").body());

        assertThat(one.dimension()).isEqualTo(64);
        assertThat(one.vectors().get(0)[0]).isEqualTo(0.20528583228588104f);
        assertThat(one.vectors().get(0)[63]).isEqualTo(-0.20966123044490814f);
        assertThat(one.usage()).isEqualTo(new Usage(2, 0, 2));
        assertThat(one.model()).isEqualTo("tiny");
        assertThat(two.vectors()).hasSize(2);
        assertThat(two.vectors().get(0)).containsExactly(one.vectors().get(0));
        assertThat(two.vectors().get(1)[0]).isEqualTo(0.18432672321796417f);
        assertThat(two.usage()).isEqualTo(new Usage(4, 0, 4));
    }

    @Test
    void base64EmbeddingDecodesToTheSameFloatsAsTheArrayOne() {
        EmbeddingResponse floats = OpenAiWire.readEmbeddingResponse(Transcripts.load("19-embeddings.txt").body());
        EmbeddingResponse base64 = OpenAiWire.readEmbeddingResponse(Transcripts.load("21-embeddings-base64.txt").body());

        assertThat(base64.vectors().get(0)).containsExactly(floats.vectors().get(0));
    }

    @ParameterizedTest
    @CsvSource({"02-v1-models.txt,tiny-random-llama.gguf,1795438003", "03-models.txt,tiny-random-llama.gguf,1795438004",
        "45-embd-server-models.txt,tiny-random-llama-embd.gguf,1795438005"})
    void modelListsReadTheDataArray(String file, String id, long created) {
        List<ModelInfo> models = OpenAiWire.readModels(Transcripts.load(file).body());

        assertThat(models).containsExactly(new ModelInfo(id, "llamacpp", created));
    }

    @Test
    void llamaServersModelListAlsoReadsAsOllamaTags() {
        List<ModelInfo> models = OllamaWire.readTags(Transcripts.load("02-v1-models.txt").body());

        assertThat(models).containsExactly(new ModelInfo("tiny-random-llama.gguf", null, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "14-invalid-json.txt|500|server_error|[json.exception.parse_error.101] parse error at line 1, column 59",
        "17-missing-messages.txt|400|invalid_request_error|'messages' is required",
        "18-embeddings-on-chat-server.txt|501|not_supported_error|This server does not support embeddings",
        "26-empty-body.txt|500|server_error|attempting to parse an empty input",
        "32-embeddings-empty.txt|400|invalid_request_error|Input content cannot be empty",
        "39-tool-choice-bogus.txt|400|invalid_request_error|Invalid tool_choice: bogus",
        "40-context-overflow.txt|400|exceed_context_size_error|request (1530 tokens) exceeds the available context size",
        "41-context-overflow-stream.txt|400|exceed_context_size_error|exceeds the available context size (1024 tokens)",
        "43-messages-not-array.txt|400|invalid_request_error|Expected 'messages' to be an array"})
    void errorBodiesGiveTheServersMessageAndType(String file, int status, String type, String message) {
        Transcripts.Recorded recorded = Transcripts.load(file);
        ErrorBody error = OpenAiWire.readError(recorded.body());

        assertThat(recorded.status()).isEqualTo(status);
        assertThat(error.code()).isEqualTo(type);
        assertThat(error.message()).contains(message);
    }

    @Test
    void plainTextErrorBodiesAndEmptyBodiesNeverThrow() {
        assertThat(OpenAiWire.readError("404 page not found".getBytes())).isEqualTo(new ErrorBody("404 page not found",
                null));
        assertThat(OpenAiWire.readError(new byte[0])).isEqualTo(new ErrorBody(null, null));
        assertThat(OpenAiWire.readError("x".repeat(900).getBytes()).message()).hasSize(500);
        assertThat(OpenAiWire.readError("{\"object\":\"error\",\"message\":\"bad\",\"type\":\"BadRequestError\",\"code\":400}"
                .getBytes())).isEqualTo(new ErrorBody("bad", "BadRequestError"));
        assertThat(OpenAiWire.readError("{\"error\":{\"code\":null,\"message\":\"model not found\",\"param\":null,\"type\":\"invalid_request_error\"}}"
                .getBytes())).isEqualTo(new ErrorBody("model not found", "invalid_request_error"));
    }

    @Test
    void responsesThatAreNotChatCompletionsAreMalformedAndNameThePayload() {
        byte[] responsesApi = Transcripts.load("33-responses-api.txt").body();
        assertThatThrownBy(() -> OpenAiWire.readChatResponse(responsesApi))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no choices[0].message")
                .hasMessageContaining("resp_5jxJOaZyZ3C7ee7cVAGGtA62iu2lR0Mj");
        byte[] errorBody = Transcripts.load("17-missing-messages.txt").body();
        assertThatThrownBy(() -> OpenAiWire.readChatResponse(errorBody))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("is an error");
        assertThatThrownBy(() -> OpenAiWire.readChatResponse("{\"choices\":[".getBytes()))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> OpenAiWire.readModels("{\"object\":\"list\"}".getBytes()))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no 'data'");
        assertThatThrownBy(() -> OpenAiWire.readEmbeddingResponse("{\"data\":[{\"embedding\":[\"x\"]}]}".getBytes()))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("non-number");
    }

    @Test
    void ollamasEmptyModelListIsNullData() {
        assertThat(OpenAiWire.readModels("{\"object\": \"list\", \"data\": null}".getBytes())).isEmpty();
    }
}
