package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.CompletionResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;

/**
 * {@code /v1/completions} in the wire layer: the recorded llama-server exchanges
 * ({@code llama-server-transcripts/07-completions.txt}, {@code 08-completions-stream.txt}), Ollama's
 * stream as {@code ollama-wire.md} section 4 constructs it, and what our writers produce read back
 * by our readers.
 */
class CompletionWireTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<ChatEvent> decodeSse(byte[] body, CompletionStreamDecoder decoder) throws IOException {
        List<ChatEvent> events = new ArrayList<>();
        try (SseReader reader = new SseReader(new ByteArrayInputStream(body))) {
            byte[] data;
            while ((data = reader.nextData()) != null) {
                decoder.decode(data, 0, data.length, events::add);
            }
        }
        return events;
    }

    private static String text(List<ChatEvent> events) {
        StringBuilder b = new StringBuilder();
        for (ChatEvent e : events) {
            if (e instanceof ChatEvent.TextDelta t) {
                b.append(t.text());
            }
        }
        return b.toString();
    }

    @Test
    void recordedNonStreamingAnswerReadsTextFinishUsageAndTimings() {
        CompletionResponse r = OpenAiWire.readCompletionResponse(Transcripts.load("07-completions.txt").body());

        assertThat(r.text()).startsWith(" accepts optional zones").endsWith(" inhibited");
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.usage()).isEqualTo(new Usage(4, 16, 20));
        assertThat(r.id()).isEqualTo("chatcmpl-367pGQDM0IiLAvkMf72ALH8ZumZorjk7");
        assertThat(r.model()).isEqualTo("tiny-random-llama.gguf");
        assertThat(r.extensions()).containsKeys("timings", "system_fingerprint");
    }

    @Test
    void recordedStreamGivesSixteenDeltasThenLengthThenUsageFromTheFinishChunk() throws IOException {
        CompletionStreamDecoder decoder = new CompletionStreamDecoder();
        List<ChatEvent> events = decodeSse(Transcripts.load("08-completions-stream.txt").body(), decoder);

        assertThat(events).hasSize(18);
        assertThat(events.subList(0, 16)).allMatch(e -> e instanceof ChatEvent.TextDelta);
        assertThat(events.get(16)).isEqualTo(new ChatEvent.Finish(FinishReason.LENGTH));
        assertThat(events.get(17)).isEqualTo(new ChatEvent.UsageEvent(new Usage(4, 16, 20)));
        assertThat(text(events)).isEqualTo(
                OpenAiWire.readCompletionResponse(Transcripts.load("07-completions.txt").body()).text());
        assertThat(decoder.isDone()).isTrue();
        assertThat(decoder.id()).isEqualTo("chatcmpl-dQcqfxzPm2xz5p5QrZysEbN1K2pxebEj");
    }

    @Test
    void recordedRequestsReadAsServerRequests() {
        InboundCompletion plain = OpenAiWire.readCompletionRequest(Transcripts.requestBody("07-completions.txt"));
        InboundCompletion streamed = OpenAiWire.readCompletionRequest(Transcripts.requestBody("08-completions-stream.txt"));

        assertThat(plain.request().prompt()).isEqualTo("Once upon a time");
        assertThat(plain.request().model()).isEqualTo("tiny");
        assertThat(plain.request().maxTokens()).isEqualTo(16);
        assertThat(plain.request().seed()).isEqualTo(42L);
        assertThat(plain.stream()).isFalse();
        assertThat(streamed.stream()).isTrue();
        assertThat(streamed.includeUsage()).isFalse();
    }

    @Test
    void ollamaStreamIgnoresTheZeroUsageOnEveryChunkAndTakesTheEmptyChoicesChunksUsage() throws IOException {
        String zero = "\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}";
        String body = "data: {\"id\":\"cmpl-12\",\"object\":\"text_completion\",\"created\":1755000000,\"choices\":[{\"text\":\"Hello\",\"index\":0,\"finish_reason\":null}],\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\"," + zero + "}\n\n"
                + "data: {\"id\":\"cmpl-12\",\"object\":\"text_completion\",\"created\":1755000001,\"choices\":[{\"text\":\"\",\"index\":0,\"finish_reason\":\"stop\"}],\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\"," + zero + "}\n\n"
                + "data: {\"id\":\"cmpl-12\",\"object\":\"text_completion\",\"created\":1755000001,\"choices\":[],\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}\n\n"
                + "data: [DONE]\n\n";

        List<ChatEvent> events = decodeSse(utf8(body), new CompletionStreamDecoder());

        assertThat(events).containsExactly(new ChatEvent.TextDelta("Hello"), new ChatEvent.Finish(FinishReason.STOP),
                new ChatEvent.UsageEvent(new Usage(5, 2, 7)));
    }

    @Test
    void writtenChunksReadBackIntoTheSameEvents() throws IOException {
        byte[] a = Sse.frame(OpenAiWire.writeCompletionChunk(CompletionChunk.of("c1", 7, "m", "Hel", null, null)));
        byte[] b = Sse.frame(OpenAiWire.writeCompletionChunk(CompletionChunk.of("c1", 7, "m", "lo", null, null)));
        byte[] fin = Sse.frame(OpenAiWire.writeCompletionChunk(CompletionChunk.of("c1", 7, "m", "", "stop", null)));
        byte[] usage = Sse.frame(OpenAiWire.writeCompletionChunk(CompletionChunk.usageOnly("c1", 7, "m", Usage.of(3, 2))));
        byte[] all = concat(a, b, fin, usage, Sse.done());

        List<ChatEvent> events = decodeSse(all, new CompletionStreamDecoder());

        assertThat(events).containsExactly(new ChatEvent.TextDelta("Hel"), new ChatEvent.TextDelta("lo"),
                new ChatEvent.Finish(FinishReason.STOP), new ChatEvent.UsageEvent(Usage.of(3, 2)));
        assertThat(new String(fin, StandardCharsets.UTF_8)).startsWith(
                "data: {\"choices\":[{\"text\":\"\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}],\"created\":7,");
        assertThat(new String(usage, StandardCharsets.UTF_8)).contains("\"choices\":[]");
    }

    @Test
    void writtenResponseHasTheRecordedShapeAndReadsBack() {
        CompletionResponse sent = new CompletionResponse("chatcmpl-x", "tiny", " once", FinishReason.LENGTH,
                Usage.of(4, 16), null);

        byte[] body = OpenAiWire.writeCompletionResponse(sent, 1795438004);

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"choices\":[{\"text\":\" once\",\"index\":0,"
                + "\"logprobs\":null,\"finish_reason\":\"length\"}],\"created\":1795438004,\"model\":\"tiny\","
                + "\"object\":\"text_completion\",\"usage\":{\"completion_tokens\":16,\"prompt_tokens\":4,"
                + "\"total_tokens\":20},\"id\":\"chatcmpl-x\"}");
        assertThat(OpenAiWire.readCompletionResponse(body)).isEqualTo(sent);
    }

    @Test
    void writtenRequestReadsBackWithStreamOptionsAndExtensions() {
        CompletionRequest sent = CompletionRequest.builder().model("m").prompt("Once upon").maxTokens(8)
                .temperature(0.5).topP(0.9).stop(List.of("\n")).seed(42L).extension("suffix", "end").build();

        InboundCompletion read = OpenAiWire.readCompletionRequest(OpenAiWire.writeCompletionRequest(sent, true));

        assertThat(read.request()).isEqualTo(sent);
        assertThat(read.stream()).isTrue();
        assertThat(read.includeUsage()).isTrue();
    }

    @Test
    void serverRejectsABodyWithoutAStringPrompt() {
        assertThatThrownBy(() -> OpenAiWire.readCompletionRequest(utf8("{\"model\":\"m\"}")))
                .isInstanceOf(WireFormatException.class).hasMessage("'prompt' is required");
        assertThatThrownBy(() -> OpenAiWire.readCompletionRequest(utf8("{\"prompt\":[1,2]}")))
                .isInstanceOf(WireFormatException.class).hasMessage("'prompt' must be a string, was an array");
        assertThatThrownBy(() -> OpenAiWire.readCompletionRequest(utf8("{\"prompt\":\"x\",\"stop\":[1,2]}")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("'stop[0]' must be a string");
        assertThatThrownBy(() -> OpenAiWire.readCompletionRequest(utf8("{\"prompt\":\"x\",\"max_tokens\":-1}")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("max_tokens");
        assertThatThrownBy(() -> OpenAiWire.readCompletionRequest(utf8("not json")))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void errorFrameMidStreamInterruptsWithTheTextSoFar() {
        CompletionStreamDecoder decoder = new CompletionStreamDecoder();
        byte[] first = OpenAiWire.writeCompletionChunk(CompletionChunk.of("c", 1, "m", "Hi", null, null));
        byte[] error = utf8("{\"error\":{\"code\":500,\"message\":\"boom\",\"type\":\"server_error\"}}");
        List<ChatEvent> events = new ArrayList<>();
        decoder.decode(first, 0, first.length, events::add);

        assertThatThrownBy(() -> decoder.decode(error, 0, error.length, events::add))
                .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
                    assertThat(e.providerMessage()).isEqualTo("boom");
                    assertThat(e.partial().text()).isEqualTo("Hi");
                });
        assertThat(decoder.isDone()).isFalse();
    }

    @Test
    void malformedChunkAndMissingChoiceAreMalformedResponses() {
        byte[] notJson = utf8("{not json");
        byte[] noChoices = utf8("{\"id\":\"x\"}");
        CompletionStreamDecoder decoder = new CompletionStreamDecoder();

        assertThatThrownBy(() -> decoder.decode(notJson, 0, notJson.length, e -> { }))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> OpenAiWire.readCompletionChunk(noChoices, 0, noChoices.length))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("choices");
        assertThatThrownBy(() -> OpenAiWire.readCompletionResponse(utf8("{\"error\":{\"message\":\"x\"}}")))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("is an error");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
