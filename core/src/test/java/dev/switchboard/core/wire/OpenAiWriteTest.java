package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.Usage;

/** What the server writes matches the recorded llama-server shapes, and everything written reads back. */
class OpenAiWriteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "chatcmpl-TUMx9tW6oGWLsoEcBuJm1wb6LLZiDsJd";
    private static final String MODEL = "tiny-random-llama.gguf";

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The data payloads of a recorded stream. */
    private static List<String> payloads(String file) throws IOException {
        List<String> out = new ArrayList<>();
        try (SseReader reader = new SseReader(new ByteArrayInputStream(Transcripts.load(file).body()))) {
            byte[] data;
            while ((data = reader.nextData()) != null) {
                out.add(text(data));
            }
        }
        return out;
    }

    /** A recorded JSON value without the llama.cpp-only fields we do not write. */
    private static JsonNode withoutLlamaCppExtras(String json) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove(List.of("system_fingerprint", "timings"));
        if (node.path("usage").isObject()) {
            ((ObjectNode) node.get("usage")).remove("prompt_tokens_details");
        }
        return node;
    }

    @Test
    void chunksAreWrittenExactlyAsLlamaServerFramesThemLessTheFingerprint() throws IOException {
        List<String> recorded = payloads("06-chat-stream-usage.txt");

        String first = text(OpenAiWire.writeChunk(new ChatChunk(ID, 1795438004L, MODEL, "assistant", null, null, null,
                null, null, null)));
        String content = text(OpenAiWire.writeChunk(new ChatChunk(ID, 1795438004L, MODEL, null, "length", null, null,
                null, null, null)));
        String finish = text(OpenAiWire.writeChunk(new ChatChunk(ID, 1795438004L, MODEL, null, null, null, null, null,
                "length", null)));
        String usage = text(OpenAiWire.writeChunk(new ChatChunk(ID, 1795438004L, MODEL, null, null, null, null, null,
                null, new Usage(26, 16, 42))));

        String fingerprint = "\"system_fingerprint\":\"b10587-3f545becc\",";
        assertThat(first).isEqualTo(recorded.get(0).replace(fingerprint, ""));
        assertThat(content).isEqualTo(recorded.get(1).replace(fingerprint, ""));
        assertThat(finish).isEqualTo(recorded.get(17).replace(fingerprint, ""));
        assertThat(JSON.readTree(usage)).isEqualTo(withoutLlamaCppExtras(recorded.get(18)));
        assertThat(recorded.get(19)).isEqualTo("[DONE]");
    }

    @Test
    void toolCallFragmentChunksMatchTheRecordedOnes() throws IOException {
        List<String> recorded = payloads("35-forced-tool-call-stream.txt");
        String id = "chatcmpl-3U9uG7MwuwrFH0SwFM2Ifk33MNVHTKC2";

        String firstFragment = text(OpenAiWire.writeChunk(new ChatChunk(id, 1795438005L, MODEL, null, null, null, null,
                List.of(new ChatChunk.ToolCallDelta(0, "Ioz0jALS01MAD0fiFhuurA3QzabPiS4G", "get_weather", "{")), null,
                null)));
        String continuation = text(OpenAiWire.writeChunk(new ChatChunk(id, 1795438005L, MODEL, null, null, null, null,
                List.of(new ChatChunk.ToolCallDelta(0, null, null, "\"")), null, null)));

        assertThat(JSON.readTree(firstFragment)).isEqualTo(withoutLlamaCppExtras(recorded.get(1)));
        assertThat(JSON.readTree(continuation)).isEqualTo(withoutLlamaCppExtras(recorded.get(2)));
    }

    @Test
    void nonStreamingResponseMatchesTheRecordedOne() throws IOException {
        ChatResponse response = new ChatResponse("chatcmpl-YxUbNrdD4UW28v7lJF9f1Dtyu6iHhrXD", MODEL,
                ChatMessage.assistant("lengthpering angst sincerity racket tert eminent Undeadquished design portals "
                        + "chairedantha lag Draw References"), FinishReason.LENGTH, new Usage(26, 16, 42), null);

        byte[] written = OpenAiWire.writeChatResponse(response, 1795438004L);

        assertThat(JSON.readTree(written)).isEqualTo(withoutLlamaCppExtras(
                Transcripts.load("04-chat-nonstream.txt").bodyText()));
    }

    @Test
    void toolCallResponseMatchesTheRecordedOne() throws IOException {
        ChatResponse response = new ChatResponse("chatcmpl-IulCjzX9hez3n0OTcrbVI8AXqKuQzxGZ", MODEL,
                new ChatMessage.AssistantMessage("", null, List.of(new ToolCall("NPiR7eKKczFP8jeFqeX43Wdqt0oSUX5p",
                        "get_weather", "{\"city\"\n:\"<tool_call>\" }"))), FinishReason.TOOL_CALLS,
                new Usage(220, 34, 254), null);

        byte[] written = OpenAiWire.writeChatResponse(response, 1795438004L);

        assertThat(JSON.readTree(written)).isEqualTo(withoutLlamaCppExtras(
                Transcripts.load("34-forced-tool-call.txt").bodyText()));
    }

    @Test
    void errorEnvelopeIsByteForByteLlamaServers() {
        assertThat(text(OpenAiWire.writeError(400, "'messages' is required", null)))
                .isEqualTo(Transcripts.load("17-missing-messages.txt").bodyText());
        assertThat(text(OpenAiWire.writeError(501,
                "This server does not support embeddings. Start it with `--embeddings`", null)))
                .isEqualTo(Transcripts.load("18-embeddings-on-chat-server.txt").bodyText());
        assertThat(OpenAiWire.errorType(404)).isEqualTo("not_found_error");
        assertThat(OpenAiWire.errorType(429)).isEqualTo("rate_limit_error");
        assertThat(OpenAiWire.errorType(503)).isEqualTo("server_error");
        assertThat(OpenAiWire.errorType(401)).isEqualTo("authentication_error");
    }

    @Test
    void embeddingsResponseMatchesTheRecordedOneInFloatsAndInBase64() throws IOException {
        EmbeddingResponse recorded = OpenAiWire.readEmbeddingResponse(Transcripts.load("19-embeddings.txt").body());
        EmbeddingResponse response = new EmbeddingResponse("tiny", recorded.vectors(), new Usage(2, 0, 2));

        JsonNode floats = JSON.readTree(OpenAiWire.writeEmbeddingResponse(response));
        JsonNode expected = JSON.readTree(Transcripts.load("19-embeddings.txt").body());
        assertThat(floats.fieldNames()).toIterable().containsExactly("model", "object", "usage", "data");
        assertThat(floats.get("usage")).isEqualTo(expected.get("usage"));
        assertThat(floats.at("/data/0/index")).isEqualTo(expected.at("/data/0/index"));
        assertThat(floats.at("/data/0/object")).isEqualTo(expected.at("/data/0/object"));
        assertThat(OpenAiWire.readEmbeddingResponse(OpenAiWire.writeEmbeddingResponse(response)).vectors().get(0))
                .containsExactly(recorded.vectors().get(0));

        JsonNode base64 = JSON.readTree(OpenAiWire.writeEmbeddingResponse(response, true));
        assertThat(base64.at("/data/0")).isEqualTo(
                JSON.readTree(Transcripts.load("21-embeddings-base64.txt").body()).at("/data/0"));
    }

    @Test
    void modelsListReadsBack() {
        List<ModelInfo> models = List.of(new ModelInfo("scripted", "switchboard", 1755000000L),
                new ModelInfo("scripted-embed", null, 0));

        byte[] body = OpenAiWire.writeModels(models);

        assertThat(text(body)).startsWith("{\"object\":\"list\",\"data\":[{\"id\":\"scripted\",\"object\":\"model\","
                + "\"created\":1755000000,\"owned_by\":\"switchboard\"}");
        assertThat(OpenAiWire.readModels(body)).isEqualTo(models);
    }

    @Test
    void fullRequestRoundTripsThroughTheWire() {
        ChatRequest request = ChatRequest.builder().model("qwen3:0.6b").system("Be brief.").user("Add 17 and 25")
                .addMessage(new ChatMessage.AssistantMessage(null, null, List.of(new ToolCall("call_1", "add",
                        "{\"a\":17,\"b\":25}"))))
                .addMessage(ChatMessage.tool("call_1", "42"))
                .addMessage(ChatMessage.assistant("It is 42."))
                .addTool(new ToolSpec("add", "Adds two numbers",
                        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":\"number\"}}}"))
                .temperature(0.2).topP(0.95).maxTokens(100).stop(List.of("END")).seed(42L)
                .responseFormat(ResponseFormat.jsonSchema("sum", "{\"type\":\"object\"}", true))
                .extension("keep_alive", "5m").extension("options", Map.of("num_ctx", 8192))
                .extension("stream", "ignored: the wire writes stream itself").build();

        byte[] streaming = OpenAiWire.writeChatRequest(request, true);
        InboundChat back = OpenAiWire.readChatRequest(streaming);

        assertThat(text(streaming)).contains("\"stream\":true,\"stream_options\":{\"include_usage\":true}")
                .contains("\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":17,\\\"b\\\":25}\"}}]")
                .doesNotContain("ignored");
        assertThat(back.stream()).isTrue();
        assertThat(back.includeUsage()).isTrue();
        Map<String, Object> sentExtensions = Map.of("keep_alive", "5m", "options", Map.of("num_ctx", 8192));
        assertThat(back.request()).isEqualTo(rebuild(request, sentExtensions));

        InboundChat nonStreaming = OpenAiWire.readChatRequest(OpenAiWire.writeChatRequest(request, false));
        assertThat(nonStreaming.stream()).isFalse();
        assertThat(nonStreaming.includeUsage()).isFalse();
    }

    private static ChatRequest rebuild(ChatRequest r, Map<String, Object> extensions) {
        return new ChatRequest(r.model(), r.messages(), r.tools(), r.temperature(), r.topP(), r.maxTokens(), r.stop(),
                r.seed(), r.responseFormat(), extensions);
    }

    @Test
    void minimalRequestOmitsUnsetOptions() {
        byte[] body = OpenAiWire.writeChatRequest(ChatRequest.builder().user("hi").build(), false);

        assertThat(text(body)).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":false}");
    }

    @Test
    void toolParametersThatAreNotJsonAreRefusedNamingTheTool() {
        ChatRequest request = ChatRequest.builder().user("hi").addTool(new ToolSpec("broken", null, "{not json")).build();

        assertThatThrownBy(() -> OpenAiWire.writeChatRequest(request, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tool 'broken' parameters");
    }

    @ParameterizedTest
    @EnumSource(ReasoningField.class)
    void responseRoundTripsWithReasoningInEachShape(ReasoningField field) {
        ChatResponse response = new ChatResponse("chatcmpl-1", "scripted-reasoning",
                new ChatMessage.AssistantMessage("You said: hi", "The user wrote 1 words. I will answer.", List.of()),
                FinishReason.STOP, Usage.of(1, 10), Map.of("system_fingerprint_extra", "x"));

        byte[] body = OpenAiWire.writeChatResponse(response, 1L, field);
        ChatResponse back = OpenAiWire.readChatResponse(body);

        assertThat(back).isEqualTo(response);
        if (field.fieldName() != null) {
            assertThat(text(body)).contains("\"" + field.fieldName() + "\":\"The user wrote");
        } else {
            assertThat(text(body)).contains("\"content\":\"<think>The user wrote 1 words. I will answer.</think>You said");
        }
    }

    @Test
    void toolOnlyResponseWithNullContentRoundTrips() {
        ChatResponse response = new ChatResponse(null, null, new ChatMessage.AssistantMessage(null, null,
                List.of(new ToolCall("call_0", "get_weather", "{\"city\":\"Paris\"}"))), FinishReason.TOOL_CALLS, null,
                null);

        assertThat(OpenAiWire.readChatResponse(OpenAiWire.writeChatResponse(response, 0))).isEqualTo(response);
    }

    @Test
    void chunksRoundTrip() {
        List<ChatChunk> chunks = List.of(
                new ChatChunk("c", 5, "m", "assistant", "", null, null, null, null, null),
                new ChatChunk("c", 5, "m", null, "你好 😊", null, null, null, null, null),
                new ChatChunk("c", 5, "m", null, null, "thinking…", null, null, null, null),
                new ChatChunk("c", 5, "m", null, null, null, "also thinking", null, null, null),
                new ChatChunk("c", 5, "m", null, null, null, null, List.of(new ChatChunk.ToolCallDelta(0, "call_1",
                        "add", "{\"a\":"), new ChatChunk.ToolCallDelta(1, null, null, "1}")), null, null),
                new ChatChunk("c", 5, "m", null, null, null, null, null, "tool_calls", Usage.of(3, 4)),
                new ChatChunk(null, 0, null, null, null, null, null, null, null, Usage.of(1, 1)));
        for (ChatChunk chunk : chunks) {
            byte[] b = OpenAiWire.writeChunk(chunk);
            assertThat(OpenAiWire.readChunk(b, 0, b.length)).as(text(b)).isEqualTo(chunk);
        }
    }

    @Test
    void embeddingRequestRoundTrips() {
        EmbeddingRequest request = new EmbeddingRequest("scripted-embed", List.of("a", "b"));
        byte[] body = OpenAiWire.writeEmbeddingRequest(request);

        assertThat(text(body)).isEqualTo("{\"model\":\"scripted-embed\",\"input\":[\"a\",\"b\"]}");
        assertThat(OpenAiWire.readEmbeddingRequest(body)).isEqualTo(request);
    }

    @Test
    void framedChunkDecodesThroughTheClientPath() {
        byte[] framed = Sse.frame(OpenAiWire.writeChunk(new ChatChunk(null, 0, null, null, "hi", null, null, null, "stop",
                null)));
        byte[] all = new byte[framed.length + Sse.done().length];
        System.arraycopy(framed, 0, all, 0, framed.length);
        System.arraycopy(Sse.done(), 0, all, framed.length, Sse.done().length);

        StreamHarness.Decoded d = StreamHarness.sse(all);

        assertThat(d.text()).isEqualTo("hi");
        assertThat(d.done()).isTrue();
    }
}
