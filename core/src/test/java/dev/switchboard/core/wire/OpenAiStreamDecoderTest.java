package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;

/** The decoder over hand-made streams covering every shape real servers send. */
class OpenAiStreamDecoderTest {

    private static String chunk(String delta, String finish) {
        return "data: {\"choices\":[{\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"")
                + ",\"index\":0,\"delta\":" + delta + "}],\"object\":\"chat.completion.chunk\"}\n\n";
    }

    private static String content(String text) {
        return chunk("{\"content\":\"" + text + "\"}", null);
    }

    private static final String DONE = "data: [DONE]\n\n";

    private static List<ChatEvent> decodeAll(OpenAiStreamDecoder decoder, String... payloads) {
        List<ChatEvent> events = new ArrayList<>();
        for (String p : payloads) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            decoder.decode(b, 0, b.length, events::add);
        }
        return events;
    }

    @Test
    void reasoningContentFieldBecomesReasoning() {
        StreamHarness.Decoded d = StreamHarness.sse(chunk("{\"role\":\"assistant\",\"content\":null}", null)
                + chunk("{\"reasoning_content\":\"Let me think.\"}", null) + content("Hi") + chunk("{}", "stop") + DONE);

        assertThat(d.events()).containsExactly(new ChatEvent.ReasoningDelta("Let me think."),
                new ChatEvent.TextDelta("Hi"), new ChatEvent.Finish(FinishReason.STOP));
    }

    @Test
    void reasoningFieldBecomesReasoningAndEmptyContentIsSkipped() {
        StreamHarness.Decoded d = StreamHarness.sse(chunk("{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":\"Hmm\"}", null)
                + content("Hi") + chunk("{}", "stop") + DONE);

        assertThat(d.events()).containsExactly(new ChatEvent.ReasoningDelta("Hmm"), new ChatEvent.TextDelta("Hi"),
                new ChatEvent.Finish(FinishReason.STOP));
    }

    @Test
    void thinkTagsInsideContentAreSeparatedEvenWhenSplitAcrossChunks() {
        StreamHarness.Decoded d = StreamHarness.sse(content("<thi") + content("nk>The user") + content(" wrote 2 words.</th")
                + content("ink>\\n\\nYou said") + content(": hi") + chunk("{}", "stop") + DONE);

        assertThat(d.accumulator().partial().reasoning()).isEqualTo("The user wrote 2 words.");
        assertThat(d.text()).isEqualTo("You said: hi");
        assertThat(d.events().get(0)).isEqualTo(new ChatEvent.ReasoningDelta("The user"));
    }

    @Test
    void finishReasonOnTheLastContentChunkWorksLikeItsOwnChunk() {
        StreamHarness.Decoded own = StreamHarness.sse(content("Hello") + chunk("{}", "stop") + DONE);
        StreamHarness.Decoded onLast = StreamHarness.sse(chunk("{\"content\":\"Hello\"}", "stop") + DONE);

        assertThat(onLast.events()).isEqualTo(own.events())
                .containsExactly(new ChatEvent.TextDelta("Hello"), new ChatEvent.Finish(FinishReason.STOP));
    }

    @Test
    void usageOnTheFinishChunkComesRightAfterTheFinish() {
        String finishWithUsage = "data: {\"choices\":[{\"finish_reason\":\"length\",\"index\":0,\"delta\":{}}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}\n\n";
        StreamHarness.Decoded d = StreamHarness.sse(content("a b") + finishWithUsage + DONE);

        assertThat(StreamHarness.kinds(d.events())).containsExactly("TextDelta", "Finish", "UsageEvent");
        assertThat(d.events().get(2)).isEqualTo(new ChatEvent.UsageEvent(new Usage(3, 2, 5)));
    }

    @Test
    void interleavedToolCallFragmentsAreMergedByIndexAndEmittedBeforeTheFinish() {
        String s = chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"ci\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"ty\\\":\\\"Tokyo\\\"}\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", null)
                + chunk("{}", "tool_calls") + DONE;
        StreamHarness.Decoded d = StreamHarness.sse(s);

        assertThat(d.events()).containsExactly(
                new ChatEvent.ToolCallEvent(0, new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}")),
                new ChatEvent.ToolCallEvent(1, new ToolCall("call_b", "get_weather", "{\"city\":\"Tokyo\"}")),
                new ChatEvent.Finish(FinishReason.TOOL_CALLS));
    }

    @Test
    void toolCallWithoutIdGetsCallUnderscoreIndexAndIsEmittedAtDoneWithoutFinishReason() {
        StreamHarness.Decoded d = StreamHarness.sse(
                chunk("{\"tool_calls\":[{\"index\":2,\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":1}\"}}]}", null)
                        + DONE);

        assertThat(d.events()).containsExactly(new ChatEvent.ToolCallEvent(2, new ToolCall("call_2", "add", "{\"a\":1}")),
                new ChatEvent.Finish(FinishReason.OTHER));
        assertThat(d.done()).isTrue();
    }

    @Test
    void ollamaStyleToolCallArrivesWholeInOneDelta() {
        String s = "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1755000000,\"model\":\"llama3.1\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_ab12cd34\",\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1755000000,\"model\":\"llama3.1\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + DONE;
        StreamHarness.Decoded d = StreamHarness.sse(s);

        assertThat(d.events()).containsExactly(
                new ChatEvent.ToolCallEvent(0, new ToolCall("call_ab12cd34", "get_weather", "{\"city\":\"Paris\"}")),
                new ChatEvent.Finish(FinishReason.TOOL_CALLS));
    }

    @Test
    void streamEndingWithoutDoneIsNotDoneAndPartialHoldsTextAndUnfinishedToolCalls() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        StreamHarness.sse(new java.io.ByteArrayInputStream((content("Checking")
                + chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_x\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Pa\"}}]}", null))
                .getBytes(StandardCharsets.UTF_8)), decoder);

        assertThat(decoder.isDone()).isFalse();
        assertThat(decoder.isFinished()).isFalse();
        PartialResponse partial = decoder.partial();
        assertThat(partial.text()).isEqualTo("Checking");
        assertThat(partial.toolCalls()).containsExactly(new ToolCall("call_x", "get_weather", "{\"city\":\"Pa"));
    }

    @Test
    void partialIncludesAHeldBackTagPrefix() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        decodeAll(decoder, "{\"choices\":[{\"delta\":{\"content\":\"a <thi\"}}]}");

        assertThat(decoder.partial().text()).isEqualTo("a <thi");
    }

    @Test
    void errorFrameMidStreamThrowsInterruptedWithTheServersMessageAndThePartialText() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        decodeAll(decoder, "{\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}");

        assertThatThrownBy(() -> decodeAll(decoder,
                "{\"error\":{\"code\":500,\"message\":\"slot unavailable\",\"type\":\"server_error\"}}"))
                .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
                    assertThat(e.providerMessage()).isEqualTo("slot unavailable");
                    assertThat(e.providerCode()).isEqualTo("server_error");
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("slot unavailable");
                    assertThat(e.getCause()).isNull();
                    assertThat(e.partial().text()).isEqualTo("Hel");
                });
        assertThatThrownBy(() -> decodeAll(new OpenAiStreamDecoder(), "{\"error\":\"boom\"}"))
                .isInstanceOfSatisfying(StreamInterruptedException.class,
                        e -> assertThat(e.providerMessage()).isEqualTo("boom"));
    }

    @Test
    void malformedPayloadNamesItselfAndLeavesTheStateIntact() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        decodeAll(decoder, "{\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}");

        assertThatThrownBy(() -> decodeAll(decoder, "{\"choices\":[{\"delta\":{\"content\":\"lost"))
                .isInstanceOfSatisfying(MalformedResponseException.class,
                        e -> assertThat(e.payload()).isEqualTo("{\"choices\":[{\"delta\":{\"content\":\"lost"))
                .hasMessageContaining("{\"choices\":[{\"delta\"");
        assertThatThrownBy(() -> decodeAll(decoder, "{\"choices\":[{\"delta\":{\"content\":42}}]}"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("delta.content");
        assertThatThrownBy(() -> decodeAll(decoder, "{\"choices\":{}}"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("'choices' must be an array");
        assertThatThrownBy(() -> decodeAll(decoder, "not json"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not json");

        assertThat(decoder.partial().text()).isEqualTo("Hello");
        assertThat(decodeAll(decoder, "{\"choices\":[{\"delta\":{\"content\":\" again\"},\"finish_reason\":\"stop\"}]}", "[DONE]"))
                .containsExactly(new ChatEvent.TextDelta(" again"), new ChatEvent.Finish(FinishReason.STOP));
    }

    @Test
    void eventsAfterDoneAreIgnoredAndOnlyTheFirstFinishCounts() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        List<ChatEvent> events = decodeAll(decoder,
                "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":\"length\"}]}",
                "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}",
                " [DONE] ",
                "{\"choices\":[{\"delta\":{\"content\":\"late\"}}]}",
                "garbage after done");

        assertThat(events).containsExactly(new ChatEvent.TextDelta("a"), new ChatEvent.Finish(FinishReason.LENGTH));
        assertThat(decoder.isDone()).isTrue();
    }

    @Test
    void unknownFieldsAndMissingIdsAreTolerated() {
        List<ChatEvent> events = decodeAll(new OpenAiStreamDecoder(),
                "{\"foo\":{\"bar\":[1,2,{\"x\":null}]},\"choices\":[{\"logprobs\":null,\"delta\":{\"content\":\"ok\",\"refusal\":null}}],\"usage\":null}");

        assertThat(events).containsExactly(new ChatEvent.TextDelta("ok"));
    }

    @Test
    void emptyFinishReasonIsNotAFinish() {
        List<ChatEvent> events = decodeAll(new OpenAiStreamDecoder(),
                "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":\"\"}]}",
                "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}");

        assertThat(events).containsExactly(new ChatEvent.TextDelta("a"), new ChatEvent.Finish(FinishReason.STOP));
    }

    /** ollama-wire.md 2.2: Ollama's /v1 swallows a mid-stream error into an empty chunk and closes without [DONE]. */
    @Test
    void ollamaSwallowedErrorLooksLikeAStreamWithoutDone() {
        StreamHarness.Decoded d = StreamHarness.sse(content("Hel")
                + "data: {\"id\":\"chatcmpl-42\",\"object\":\"chat.completion.chunk\",\"created\":1755000000,\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":null}]}\n\n");

        assertThat(d.done()).isFalse();
        assertThat(d.events()).containsExactly(new ChatEvent.TextDelta("Hel"));
    }

    @Test
    void multiByteTextSurvivesTheByteLevelPath() {
        StreamHarness.Decoded d = StreamHarness.sse(content("你好 ") + content("😊") + chunk("{}", "stop") + DONE);

        assertThat(d.text()).isEqualTo("你好 😊");
    }
}
