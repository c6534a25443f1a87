package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;

/**
 * Ollama's native wire, fed with the examples quoted in
 * {@code core/src/test/resources/reference/ollama-wire.md} (copied into each test as text).
 */
class OllamaWireTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** ollama-wire.md 7.2: a streamed content line and the final line with metrics (QUOTED, docs/api.md). */
    private static final String CHAT_STREAM = """
            {"model":"llama3.2","created_at":"2023-08-04T08:52:19.385406455-07:00","message":{"role":"assistant","content":"The","images":null},"done":false}
            {"model":"llama3.2","created_at":"2023-08-04T19:22:45.499127Z","message":{"role":"assistant","content":""},"done":true,"total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}
            """;

    @Test
    void streamedChatGivesTextThenFinishThenUsageFromTheCounts() {
        StreamHarness.Decoded d = StreamHarness.ndjson(CHAT_STREAM);

        assertThat(d.events()).hasSize(4).startsWith(new ChatEvent.TextDelta("The"), new ChatEvent.Finish(FinishReason.STOP),
                new ChatEvent.UsageEvent(new Usage(26, 282, 308)));
        assertThat(((ChatEvent.ExtensionsEvent) d.events().get(3)).extensions()).as("the durations, as chat() keeps them")
                .containsEntry("total_duration", 4883583458L).containsEntry("load_duration", 1334875)
                .containsEntry("prompt_eval_duration", 342546000).containsEntry("eval_duration", 4535599000L)
                .containsEntry("created_at", "2023-08-04T19:22:45.499127Z");
        assertThat(d.accumulator().toResponse(null, null).extensions()).containsEntry("eval_duration", 4535599000L);
        assertThat(d.done()).isTrue();
    }

    @Test
    void finalLineKeepsTheMetricsAsExtensions() {
        String last = CHAT_STREAM.strip().split("\n")[1];
        OllamaLine line = OllamaWire.readLine(utf8(last), 0, utf8(last).length);

        assertThat(line.done()).isTrue();
        assertThat(line.doneReason()).isNull();
        assertThat(line.usage()).isEqualTo(new Usage(26, 282, 308));
        assertThat(line.extensions()).containsEntry("total_duration", 4883583458L).containsEntry("eval_duration",
                4535599000L);
        assertThat(line.createdAt()).isEqualTo("2023-08-04T19:22:45.499127Z");
    }

    /** ollama-wire.md 7.2: tool call line without id or index (docs predate both), then done_reason stop. */
    @Test
    void streamedToolCallWithoutIdGetsADeterministicIdAndFinishesAsToolCalls() {
        String stream = """
                {"model":"llama3.2","created_at":"2025-07-07T20:22:19.184789Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Tokyo"}}}]},"done":false}
                {"model":"llama3.2","created_at":"2025-07-07T20:22:19.19314Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"total_duration":182242375,"load_duration":41295167,"prompt_eval_count":169,"prompt_eval_duration":24573166,"eval_count":15,"eval_duration":115959084}
                """;
        StreamHarness.Decoded d = StreamHarness.ndjson(stream);

        assertThat(d.events()).hasSize(4).startsWith(
                new ChatEvent.ToolCallEvent(0, new ToolCall("call_0", "get_weather", "{\"city\":\"Tokyo\"}")),
                new ChatEvent.Finish(FinishReason.TOOL_CALLS), new ChatEvent.UsageEvent(new Usage(169, 15, 184)));
        assertThat(d.events().get(3)).isInstanceOf(ChatEvent.ExtensionsEvent.class);
    }

    /** ollama-wire.md 2.1: mid-stream error line (QUOTED, docs/api/errors.mdx). */
    @Test
    void errorLineMidStreamThrowsInterruptedWithTheTextSoFarAndTheServersMessage() {
        String stream = """
                {"model":"gemma4","created_at":"2025-10-26T17:21:21.196249Z","response":" Yes","done":false}
                {"model":"gemma4","created_at":"2025-10-26T17:21:21.207235Z","response":".","done":false}
                {"model":"gemma4","created_at":"2025-10-26T17:21:21.219166Z","response":"I","done":false}
                {"model":"gemma4","created_at":"2025-10-26T17:21:21.231094Z","response":"can","done":false}
                {"error":"an error was encountered while running the model"}
                """;

        assertThatThrownBy(() -> StreamHarness.ndjson(stream))
                .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
                    assertThat(e.partial().text()).isEqualTo(" Yes.Ican");
                    assertThat(e.providerMessage()).isEqualTo("an error was encountered while running the model");
                    assertThat(e.getMessage()).contains("an error was encountered while running the model");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void streamWithoutTheDoneLineIsNotDoneAndKeepsItsText() {
        String stream = """
                {"model":"m","created_at":"2025-10-26T17:21:21.196249Z","message":{"role":"assistant","content":"Hel"},"done":false}
                {"model":"m","created_at":"2025-10-26T17:21:21.196249Z","message":{"role":"assistant","content":"lo","thinking":""},"done":false}
                """;
        OllamaStreamDecoder decoder = new OllamaStreamDecoder();
        for (String line : stream.strip().split("\n")) {
            decoder.decode(utf8(line), 0, utf8(line).length, e -> { });
        }

        assertThat(decoder.isDone()).isFalse();
        assertThat(decoder.partial().text()).isEqualTo("Hello");
    }

    @Test
    void thinkingAndThinkTagsBothBecomeReasoning() {
        String stream = """
                {"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"","thinking":"count r"},"done":false}
                {"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"<thi"},"done":false}
                {"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"nk>more</think>There are 3."},"done":false}
                {"model":"qwen3","created_at":"t","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}
                """;
        StreamHarness.Decoded d = StreamHarness.ndjson(stream);

        assertThat(d.accumulator().partial().reasoning()).isEqualTo("count rmore");
        assertThat(d.text()).isEqualTo("There are 3.");
        assertThat(d.accumulator().finishReason()).isEqualTo(FinishReason.STOP);
    }

    /** ollama-wire.md 7.2: the load response (QUOTED): done_reason load. */
    @Test
    void nonStreamingBodiesReadIntoAResponseWithThinkingSeparated() {
        ChatResponse thinking = OllamaWire.readChatResponse(utf8("""
                {"model":"qwen3","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"There are 3.","thinking":"s-t-r-a-w"},"done":true,"done_reason":"stop","prompt_eval_count":18,"eval_count":120}"""));
        assertThat(thinking.text()).isEqualTo("There are 3.");
        assertThat(thinking.reasoning()).isEqualTo("s-t-r-a-w");
        assertThat(thinking.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(thinking.usage()).isEqualTo(new Usage(18, 120, 138));
        assertThat(thinking.id()).isNull();
        assertThat(thinking.extensions()).containsEntry("created_at", "2025-01-01T00:00:00Z");

        ChatResponse load = OllamaWire.readChatResponse(utf8("""
                {"model": "llama3.2", "created_at": "2024-09-12T21:17:29.110811Z", "message": {"role": "assistant", "content": ""}, "done_reason": "load", "done": true}"""));
        assertThat(load.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(load.text()).isEmpty();
    }

    @Test
    void responseWithoutMessageIsMalformed() {
        assertThatThrownBy(() -> OllamaWire.readChatResponse(utf8("{\"model\":\"m\",\"response\":\"hi\",\"done\":true}")))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no message");
        assertThatThrownBy(() -> OllamaWire.readChatResponse(utf8("not json")))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not json");
    }

    /** ollama-wire.md 9 (QUOTED, docs/api.md). */
    @Test
    void embedResponseReadsVectorsAndPromptEvalCount() {
        EmbeddingResponse r = OllamaWire.readEmbedResponse(utf8("""
                {"model":"all-minilm","embeddings":[[0.010071029,-0.0017594862,0.05007221,0.04692972,0.054916814,0.008599704,0.105441414,-0.025878139,0.12958129,0.031952348]],"total_duration":14143917,"load_duration":1019500,"prompt_eval_count":8}"""));

        assertThat(r.model()).isEqualTo("all-minilm");
        assertThat(r.dimension()).isEqualTo(10);
        assertThat(r.vectors().get(0)[0]).isEqualTo(0.010071029f);
        assertThat(r.usage()).isEqualTo(new Usage(8, 0, 8));
    }

    @Test
    void embedRequestAcceptsAStringOrAnArray() {
        assertThat(OllamaWire.readEmbedRequest(utf8("{\"model\":\"all-minilm\",\"input\":[\"Why is the sky blue?\",\"Why is the grass green?\"]}"))
                .input()).containsExactly("Why is the sky blue?", "Why is the grass green?");
        assertThat(OllamaWire.readEmbedRequest(utf8("{\"input\":\"one\"}")).input()).containsExactly("one");
        assertThatThrownBy(() -> OllamaWire.readEmbedRequest(utf8("{\"model\":\"m\"}")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("'input' is required");
    }

    /** ollama-wire.md 11 (QUOTED element). */
    @Test
    void tagsReadNameAndModifiedAt() {
        List<ModelInfo> models = OllamaWire.readTags(utf8("""
                {"models":[{"name": "llama3.2:latest", "model": "llama3.2:latest", "modified_at": "2025-05-04T17:37:44.706015396-07:00", "size": 2019393189, "digest": "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72", "details": {"parent_model": "", "format": "gguf", "family": "llama", "families": ["llama"], "parameter_size": "3.2B", "quantization_level": "Q4_K_M"}}]}"""));

        assertThat(models).containsExactly(new ModelInfo("llama3.2:latest", null, 1746405464L));
    }

    @Test
    void tagsRoundTripWithTheRealFieldNames() {
        byte[] body = OllamaWire.writeTags(List.of(new ModelInfo("scripted", null, 1755000000L)));
        String json = new String(body, StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"models\":[{\"name\":\"scripted\",\"model\":\"scripted\","
                + "\"modified_at\":\"2025-08-12T12:00:00Z\",\"size\":0,\"digest\":\"");
        assertThat(json).contains("\"details\":{\"parent_model\":\"\",\"format\":\"gguf\"");
        assertThat(OllamaWire.readTags(body)).containsExactly(new ModelInfo("scripted", null, 1755000000L));
        assertThat(OllamaWire.readTags(utf8("{\"models\":[]}"))).isEmpty();
    }

    /** ollama-wire.md 7.2: a tool result named only by tool_name (QUOTED history message). */
    @Test
    void toolMessageNamedOnlyByToolNameIsMatchedToTheEarlierCall() {
        InboundChat in = OllamaWire.readChatRequest(utf8("""
                {"model":"llama3.2","messages":[
                  {"role":"user","content":"What is the weather in Tokyo?"},
                  {"role":"assistant","content":"","tool_calls":[{"function":{"index":0,"name":"get_weather","arguments":{"city":"Tokyo"}}}]},
                  {"role": "tool", "content": "11 degrees celsius", "tool_name": "get_weather"}]}"""));

        List<ChatMessage> m = in.request().messages();
        ChatMessage.AssistantMessage assistant = (ChatMessage.AssistantMessage) m.get(1);
        assertThat(assistant.toolCalls()).containsExactly(new ToolCall("call_0", "get_weather", "{\"city\":\"Tokyo\"}"));
        assertThat(m.get(2)).isEqualTo(new ChatMessage.ToolMessage("call_0", "11 degrees celsius"));
        assertThat(in.stream()).isTrue();
        assertThat(in.includeUsage()).isTrue();
    }

    /**
     * ollama-wire.md 7.1: tool_name and tool_call_id are both optional; Spring AI 2.0 and
     * langchain4j-ollama 1.18 send tool results with neither, and each answers the call at its position.
     */
    @Test
    void toolMessagesWithNeitherNameNorIdAnswerTheCallsInOrder() {
        InboundChat in = OllamaWire.readChatRequest(utf8("""
                {"model":"llama3.2","messages":[
                  {"role":"user","content":"Weather in Tokyo and Paris?"},
                  {"role":"assistant","content":"","tool_calls":[
                    {"function":{"name":"get_weather","arguments":{"city":"Tokyo"}}},
                    {"function":{"name":"get_weather","arguments":{"city":"Paris"}}}]},
                  {"role":"tool","content":"11 degrees"},
                  {"role":"tool","content":"21 degrees"}]}"""));

        List<ChatMessage> m = in.request().messages();
        List<ToolCall> calls = ((ChatMessage.AssistantMessage) m.get(1)).toolCalls();
        assertThat(m.get(2)).isEqualTo(new ChatMessage.ToolMessage(calls.get(0).id(), "11 degrees"));
        assertThat(m.get(3)).isEqualTo(new ChatMessage.ToolMessage(calls.get(1).id(), "21 degrees"));
        assertThat(calls.get(0).id()).isNotEqualTo(calls.get(1).id());
    }

    /** A third tool result for two calls answers nothing: the error names the field. */
    @Test
    void aToolMessageBeyondTheCallsIsAnError() {
        assertThatThrownBy(() -> OllamaWire.readChatRequest(utf8("""
                {"model":"llama3.2","messages":[
                  {"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{}}}]},
                  {"role":"tool","content":"11 degrees"},
                  {"role":"tool","content":"12 degrees"}]}""")))
                .hasMessageContaining("'messages[2].tool_call_id' is required");
    }

    /** ollama-wire.md 7.2: the thinking request (QUOTED). */
    @Test
    void unknownTopLevelFieldsBecomeExtensionsAndStreamFalseIsKept() {
        InboundChat in = OllamaWire.readChatRequest(utf8("""
                {"model": "qwen3", "messages": [{"role": "user", "content": "How many letter r are in strawberry?"}], "think": true, "stream": false}"""));

        assertThat(in.stream()).isFalse();
        assertThat(in.request().extensions()).isEqualTo(Map.of("think", true));
        assertThat(in.request().model()).isEqualTo("qwen3");
    }

    /** ollama-wire.md 8: generate with suffix and options (QUOTED request). */
    @Test
    void generateRequestBecomesAUserMessageWithItsOptions() {
        InboundChat in = OllamaWire.readGenerateRequest(utf8("""
                {"model": "codellama:code", "prompt": "def compute_gcd(a, b):", "suffix": "    return result", "options": {"temperature": 0, "num_ctx": 4096}, "stream": false}"""));

        assertThat(in.request().messages()).containsExactly(ChatMessage.user("def compute_gcd(a, b):"));
        assertThat(in.request().temperature()).isEqualTo(0.0);
        assertThat(in.request().extensions()).containsEntry("suffix", "    return result")
                .containsEntry("options", Map.of("num_ctx", 4096));
        assertThat(in.stream()).isFalse();
        assertThatThrownBy(() -> OllamaWire.readGenerateRequest(utf8("{\"model\":\"m\"}")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("'prompt' is required");
    }

    @Test
    void chatRequestRoundTripsThroughTheNativeShape() {
        ChatRequest request = ChatRequest.builder().model("qwen3:0.6b").system("Be brief.").user("Weather in Paris?")
                .addMessage(new ChatMessage.AssistantMessage(null, null,
                        List.of(new ToolCall("call_ab12cd34", "get_weather", "{\"city\":\"Paris\"}"))))
                .addMessage(ChatMessage.tool("call_ab12cd34", "{\"temp\":21}"))
                .addTool(new dev.switchboard.core.ToolSpec("get_weather", "Weather for a city",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))
                .temperature(0.5).topP(0.9).maxTokens(64).seed(7L).stop(List.of("\n\n"))
                .responseFormat(ResponseFormat.JSON_OBJECT)
                .extension("keep_alive", "5m").extension("options", Map.of("num_ctx", 8192)).build();

        byte[] body = OllamaWire.writeChatRequest(request, true);
        String json = new String(body, StandardCharsets.UTF_8);
        InboundChat back = OllamaWire.readChatRequest(body);

        assertThat(json).contains("\"format\":\"json\"", "\"keep_alive\":\"5m\"", "\"stream\":true",
                "\"arguments\":{\"city\":\"Paris\"}", "\"tool_name\":\"get_weather\"", "\"num_predict\":64",
                "\"num_ctx\":8192");
        ChatMessage.AssistantMessage assistant = (ChatMessage.AssistantMessage) back.request().messages().get(2);
        assertThat(back.request().messages().get(2)).isEqualTo(
                new ChatMessage.AssistantMessage("", null, assistant.toolCalls()));
        assertThat(back.request().toBuilder().messages(request.messages()).build()).isEqualTo(request);
    }

    @Test
    void chatLineRoundTripsAndWritesOllamasFieldOrder() {
        OllamaLine last = new OllamaLine("scripted", "2025-01-01T00:00:00Z", "", null,
                List.of(new ToolCall("call_1", "add", "{\"a\":17,\"b\":25}")), true, "stop", new Usage(5, 2, 7),
                Map.of("total_duration", 1200L, "eval_duration", 300L));

        byte[] bytes = OllamaWire.writeChatLine(last);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"scripted\","
                + "\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[{\"id\":\"call_1\",\"function\":{\"index\":0,\"name\":\"add\","
                + "\"arguments\":{\"a\":17,\"b\":25}}}]},\"done\":true,\"done_reason\":\"stop\","
                + "\"total_duration\":1200,\"prompt_eval_count\":5,\"eval_count\":2,\"eval_duration\":300}");
        assertThat(OllamaWire.readLine(bytes, 0, bytes.length)).isEqualTo(new OllamaLine("scripted",
                "2025-01-01T00:00:00Z", "", null, last.toolCalls(), true, "stop", new Usage(5, 2, 7),
                Map.of("total_duration", 1200, "eval_duration", 300)));
    }

    @Test
    void generateLineWritesResponseAndReadsBack() {
        OllamaLine line = new OllamaLine("m", "2025-01-01T00:00:00Z", "Hel", "hmm", List.of(), false, null, null);
        byte[] bytes = OllamaWire.writeGenerateLine(line);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"model\":\"m\",\"created_at\":\"2025-01-01T00:00:00Z\",\"response\":\"Hel\",\"thinking\":\"hmm\","
                        + "\"done\":false}");
        assertThat(OllamaWire.readLine(bytes, 0, bytes.length)).isEqualTo(line);
    }

    @Test
    void embedRequestAndResponseRoundTrip() {
        byte[] req = OllamaWire.writeEmbedRequest(new dev.switchboard.core.EmbeddingRequest("all-minilm",
                List.of("a", "b")));
        assertThat(new String(req, StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"all-minilm\",\"input\":[\"a\",\"b\"]}");
        assertThat(OllamaWire.readEmbedRequest(req).input()).containsExactly("a", "b");

        EmbeddingResponse r = new EmbeddingResponse("all-minilm", List.of(new float[] {0.5f, -0.25f},
                new float[] {1f, 0f}), new Usage(3, 0, 3));
        EmbeddingResponse back = OllamaWire.readEmbedResponse(OllamaWire.writeEmbedResponse(r));
        assertThat(back.vectors()).hasSize(2);
        assertThat(back.vectors().get(0)).containsExactly(0.5f, -0.25f);
        assertThat(back.usage()).isEqualTo(new Usage(3, 0, 3));
    }

    @Test
    void errorEnvelopeIsOneString() {
        byte[] body = OllamaWire.writeError("model 'x' not found");
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"model 'x' not found\"}");
        assertThat(OllamaWire.readError(body)).isEqualTo(new ErrorBody("model 'x' not found", null));
    }

    @Test
    void formatSchemaAndBadFormatOnRead() {
        InboundChat in = OllamaWire.readChatRequest(utf8(
                "{\"messages\":[{\"role\":\"USER\",\"content\":\"hi\"}],\"format\":{\"type\":\"object\"}}"));
        assertThat(in.request().responseFormat()).isEqualTo(ResponseFormat.jsonSchema("schema", "{\"type\":\"object\"}",
                false));
        assertThat(in.request().messages()).containsExactly(ChatMessage.user("hi"));
        assertThatThrownBy(() -> OllamaWire.readChatRequest(utf8(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"format\":\"yaml\"}")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("'format'");
        assertThatThrownBy(() -> OllamaWire.readChatRequest(utf8(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"options\":{\"temperature\":\"hot\"}}")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("'options.temperature' must be a number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "|request body is empty; expected a JSON object",
        "{\"model\":\"m\"}|'messages' is required",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}|'messages[0].content' must be a string, was an array",
        "{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}|'messages[0].role' must be one of system, user, assistant, tool; was 'robot'",
        "{\"messages\":[{\"role\":\"tool\",\"content\":\"21\"}]}|'messages[0].tool_call_id' is required (or a tool_name, or an earlier assistant message with a tool call for it)",
        "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":[1]}}]}]}|'messages[0].tool_calls[0].function.arguments' must be an object, was an array",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":1}|'stream' must be a boolean, was a number",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"options\":[]}|'options' must be an object, was an array",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"options\":{\"stop\":[1]}}|'options.stop[0]' must be a string, was a number"})
    void badNativeChatBodiesAreRejectedNamingTheField(String body, String message) {
        assertThatThrownBy(() -> OllamaWire.readChatRequest(body == null ? new byte[0] : utf8(body)))
                .isInstanceOf(WireFormatException.class).hasMessage(message);
    }

    @Test
    void negativeNumPredictMeansNoLimit() {
        InboundChat in = OllamaWire.readChatRequest(utf8(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"options\":{\"num_predict\":-1,\"seed\":3}}"));

        assertThat(in.request().maxTokens()).isNull();
        assertThat(in.request().seed()).isEqualTo(3L);
        assertThat(in.request().extensions()).isEmpty();
    }

    @Test
    void nonStreamingChatLineRoundTripsIntoAResponse() {
        OllamaLine whole = new OllamaLine("scripted-reasoning", "2025-01-01T00:00:00Z", "", "The user wrote 3 words.",
                List.of(new ToolCall("call_9", "get_weather", "{\"city\":\"Paris\"}"),
                        new ToolCall("call_10", "note", "not json")), true, "stop", new Usage(3, 7, 10),
                Map.of("total_duration", 5L));

        ChatResponse r = OllamaWire.readChatResponse(OllamaWire.writeChatLine(whole));

        assertThat(r.reasoning()).isEqualTo("The user wrote 3 words.");
        assertThat(r.toolCalls()).containsExactly(whole.toolCalls().get(0),
                new ToolCall("call_10", "note", "not json"));
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.usage()).isEqualTo(new Usage(3, 7, 10));
        assertThat(r.model()).isEqualTo("scripted-reasoning");
        assertThat(r.extensions()).containsEntry("total_duration", 5).containsEntry("created_at",
                "2025-01-01T00:00:00Z");
    }
}
