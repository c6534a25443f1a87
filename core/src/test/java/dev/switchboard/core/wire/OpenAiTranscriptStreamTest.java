package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;

/**
 * The real llama-server SSE streams in
 * {@code core/src/test/resources/reference/llama-server-transcripts/}, through {@link SseReader} and
 * {@link OpenAiStreamDecoder}, as a byte-level client reads them.
 */
class OpenAiTranscriptStreamTest {

    private static final String SIXTEEN_TOKENS =
            "lengthpering angst sincerity racket tert eminent Undeadquished design portals chairedantha lag Draw References";

    @Test
    void plainStreamGivesTheTextAndFinishLengthAndNoUsage() {
        StreamHarness.Decoded d = StreamHarness.sse(Transcripts.load("05-chat-stream.txt").body());

        assertThat(d.text()).isEqualTo(SIXTEEN_TOKENS);
        assertThat(d.done()).isTrue();
        assertThat(d.accumulator().finishReason()).isEqualTo(FinishReason.LENGTH);
        List<String> kinds = StreamHarness.kinds(d.events());
        assertThat(kinds).hasSize(18).doesNotContain("UsageEvent", "ReasoningDelta", "ToolCallEvent");
        assertThat(kinds.get(16)).isEqualTo("Finish");
        assertThat(kinds.get(17)).as("llama.cpp's timings, on the finish chunk").isEqualTo("ExtensionsEvent");
        assertThat(timings(d.events().get(17))).containsEntry("predicted_n", 16).containsKey("predicted_per_second");
        assertThat(d.events().get(0)).isEqualTo(new ChatEvent.TextDelta("length"));
    }

    @Test
    void includeUsageStreamEndsWithFinishThenUsageFromTheEmptyChoicesChunk() {
        StreamHarness.Decoded d = StreamHarness.sse(Transcripts.load("06-chat-stream-usage.txt").body());

        assertThat(d.text()).isEqualTo(SIXTEEN_TOKENS);
        assertThat(d.done()).isTrue();
        List<ChatEvent> events = d.events();
        assertThat(events.get(events.size() - 3)).isEqualTo(new ChatEvent.Finish(FinishReason.LENGTH));
        assertThat(events.get(events.size() - 2)).isEqualTo(new ChatEvent.UsageEvent(new Usage(26, 16, 42)));
        assertThat(timings(events.get(events.size() - 1))).as("timings, on the usage chunk")
                .containsEntry("cache_n", 25).containsEntry("prompt_n", 1).containsEntry("predicted_n", 16)
                .containsEntry("predicted_ms", 9.197);
        assertThat(d.accumulator().toResponse(null, null).extensions()).containsKey("timings");
    }

    @Test
    void toolCallFragmentsAreMergedIntoOneCompleteCallBeforeTheFinish() {
        StreamHarness.Decoded d = StreamHarness.sse(Transcripts.load("35-forced-tool-call-stream.txt").body());

        assertThat(StreamHarness.kinds(d.events())).containsExactly("ToolCallEvent", "Finish", "UsageEvent",
                "ExtensionsEvent");
        ChatEvent.ToolCallEvent call = (ChatEvent.ToolCallEvent) d.events().get(0);
        assertThat(call.index()).isZero();
        assertThat(call.toolCall()).isEqualTo(new ToolCall("Ioz0jALS01MAD0fiFhuurA3QzabPiS4G", "get_weather",
                "{\"city\"\n:\"<tool_call>\" }"));
        assertThat(d.events().get(1)).isEqualTo(new ChatEvent.Finish(FinishReason.TOOL_CALLS));
        assertThat(d.events().get(2)).isEqualTo(new ChatEvent.UsageEvent(new Usage(220, 34, 254)));
        assertThat(d.text()).isEmpty();
    }

    @Test
    void longStreamWithToolsOfferedButAnsweredInTextKeepsEveryToken() {
        StreamHarness.Decoded d = StreamHarness.sse(Transcripts.load("11-tools-required-stream.txt").body());

        assertThat(d.text()).startsWith(SIXTEEN_TOKENS + "ogue Ber derive").endsWith(" Minertch styled UPDATE");
        assertThat(StreamHarness.kinds(d.events()).stream().filter("TextDelta"::equals)).hasSize(128);
        assertThat(d.accumulator().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(d.done()).isTrue();
    }

    @Test
    void twoChoiceStreamYieldsChoiceZeroOnlyAndIgnoresChoiceOnesFinish() {
        StreamHarness.Decoded d = StreamHarness.sse(Transcripts.load("46-chat-stream-n2.txt").body());

        assertThat(d.text()).isEqualTo("lengthpering angst sincerity");
        // llama.cpp sends timings with each choice's finish: choice 1's arrive mid-stream.
        assertThat(StreamHarness.kinds(d.events())).containsExactly("TextDelta", "TextDelta", "TextDelta",
                "ExtensionsEvent", "TextDelta", "Finish", "ExtensionsEvent");
    }

    @Test
    void decoderRemembersTheFirstIdAndModel() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        StreamHarness.sse(new java.io.ByteArrayInputStream(Transcripts.load("05-chat-stream.txt").body()), decoder);

        assertThat(decoder.id()).isEqualTo("chatcmpl-BaffqCUQG2weFMS6iQy2M99hmGRJZhWP");
        assertThat(decoder.model()).isEqualTo("tiny-random-llama.gguf");
    }

    @Test
    void everyChunkOfTheStreamReadsAsAChatChunk() throws Exception {
        byte[] body = Transcripts.load("05-chat-stream.txt").body();
        try (SseReader reader = new SseReader(new java.io.ByteArrayInputStream(body))) {
            byte[] first = reader.nextData();
            ChatChunk chunk = OpenAiWire.readChunk(first, 0, first.length);
            assertThat(chunk.role()).isEqualTo("assistant");
            assertThat(chunk.content()).isNull();
            assertThat(chunk.id()).isEqualTo("chatcmpl-BaffqCUQG2weFMS6iQy2M99hmGRJZhWP");
            assertThat(chunk.created()).isEqualTo(1795438004L);
            assertThat(chunk.model()).isEqualTo("tiny-random-llama.gguf");
            assertThat(chunk.finishReason()).isNull();
            byte[] second = reader.nextData();
            assertThat(OpenAiWire.readChunk(second, 0, second.length).content()).isEqualTo("length");
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> timings(ChatEvent event) {
        assertThat(event).isInstanceOf(ChatEvent.ExtensionsEvent.class);
        return (java.util.Map<String, Object>) ((ChatEvent.ExtensionsEvent) event).extensions().get("timings");
    }
}
