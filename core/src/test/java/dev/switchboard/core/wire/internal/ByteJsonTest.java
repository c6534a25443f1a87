package dev.switchboard.core.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;

/**
 * {@link OpenAiWriter#chatRequest}'s direct path ({@link ByteJson}) writes exactly the bytes of its
 * Jackson path (the oracle), for random text mixing every kind of character, lone surrogates
 * included, and random options.
 */
class ByteJsonTest {

    @Test
    void directChatRequestIsJacksonsBytesForRandomRequests() {
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            ChatRequest request = randomRequest(random);
            for (boolean stream : new boolean[] {true, false}) {
                byte[] jackson = OpenAiWriter.chatRequestJackson(request, stream);
                byte[] direct = OpenAiWriter.chatRequestDirect(request, stream);
                assertThat(new String(direct, StandardCharsets.UTF_8)).as("request %d", i)
                        .isEqualTo(new String(jackson, StandardCharsets.UTF_8));
                assertThat(direct).as("request %d", i).isEqualTo(jackson);
                assertThat(OpenAiWriter.chatRequest(request, stream)).isEqualTo(jackson);
            }
        }
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersAndKeepsOtherTextAsUtf8() {
        String text = "q\"b\\s/\b\t\n\f\r\u0000\u001f\u007f é € 😊 \u2028";
        ChatRequest request = ChatRequest.builder().model("m").user(text).build();
        String json = new String(OpenAiWriter.chatRequest(request, false), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"q\\\"b\\\\s/\\b\\t\\n\\f\\r\\u0000\\u001F\u007f é € 😊 \u2028\"}],\"stream\":false}");
        assertThat(Json.text(readContent(json))).isEqualTo(Json.text(text));
    }

    @Test
    void loneSurrogatesAreEscapedAsJacksonDoes() {
        for (String text : List.of("a\uD83D", "\uDE0Ab", "x\uD83D\uD83Dy", "\uDE0A\uD83D", "\uD83D\uDE0A\uD83D")) {
            ChatRequest request = ChatRequest.builder().model("m").user(text).build();
            assertThat(OpenAiWriter.chatRequestDirect(request, true))
                    .isEqualTo(OpenAiWriter.chatRequestJackson(request, true));
        }
        ChatRequest lone = ChatRequest.builder().user("a\uD83D").build();
        assertThat(new String(OpenAiWriter.chatRequest(lone, false), StandardCharsets.US_ASCII)).contains("a\\uD83D");
    }

    @Test
    void nonFiniteNumbersAreLeftToJackson() {
        ChatRequest nan = ChatRequest.builder().user("x").temperature(Double.NaN).build();
        assertThat(OpenAiWriter.chatRequest(nan, false)).isEqualTo(OpenAiWriter.chatRequestJackson(nan, false));
        assertThatThrownBy(() -> OpenAiWriter.chatRequestDirect(nan, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        ChatRequest edges = ChatRequest.builder().user("x").temperature(0.0).topP(1.0E-7).maxTokens(0)
                .seed(Long.MIN_VALUE).build();
        assertThat(OpenAiWriter.chatRequest(edges, true)).isEqualTo(OpenAiWriter.chatRequestJackson(edges, true));
    }

    @Test
    void requestsWithToolsResponseFormatOrExtensionsAreWrittenByJackson() {
        ChatRequest tools = ChatRequest.builder().user("x")
                .tools(List.of(new ToolSpec("f", null, "{\"type\" : \"object\"}"))).build();
        assertThat(new String(OpenAiWriter.chatRequest(tools, false), StandardCharsets.UTF_8))
                .contains("\"parameters\":{\"type\":\"object\"}");
        ChatRequest extensions = ChatRequest.builder().user("x").extension("keep_alive", "5m").build();
        assertThat(OpenAiWriter.chatRequest(extensions, false))
                .isEqualTo(OpenAiWriter.chatRequestJackson(extensions, false));
    }

    @Test
    void growsPastItsInitialCapacity() {
        String longText = "é€😊\n".repeat(10_000);
        ChatRequest request = ChatRequest.builder().user(longText).user("a".repeat(5_000)).build();
        assertThat(OpenAiWriter.chatRequestDirect(request, true)).isEqualTo(OpenAiWriter.chatRequestJackson(request, true));
        assertThat(new ByteJson(0).raw("{\"k\":").string("a".repeat(100)).raw('}').toByteArray())
                .hasSize(108);
    }

    private static String readContent(String json) {
        try {
            return Json.tree(json).path("messages").path(0).path("content").textValue();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ChatRequest randomRequest(Random random) {
        ChatRequest.Builder b = ChatRequest.builder();
        if (random.nextBoolean()) {
            b.model(text(random));
        }
        List<ChatMessage> messages = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0 -> messages.add(new ChatMessage.SystemMessage(text(random)));
                case 1 -> messages.add(new ChatMessage.UserMessage(text(random)));
                case 2 -> {
                    List<ToolCall> calls = new ArrayList<>();
                    for (int c = random.nextInt(3); c > 0; c--) {
                        calls.add(new ToolCall(text(random), text(random), text(random)));
                    }
                    messages.add(new ChatMessage.AssistantMessage(random.nextBoolean() ? null : text(random),
                            random.nextBoolean() ? null : text(random), calls));
                }
                default -> messages.add(new ChatMessage.ToolMessage(text(random), text(random)));
            }
        }
        b.messages(messages);
        if (random.nextBoolean()) {
            b.temperature(random.nextDouble() * 2);
        }
        if (random.nextBoolean()) {
            b.topP(random.nextInt(3) == 0 ? 1.0 : random.nextDouble());
        }
        if (random.nextBoolean()) {
            b.maxTokens(random.nextInt(100_000));
        }
        if (random.nextBoolean()) {
            List<String> stop = new ArrayList<>();
            for (int s = 1 + random.nextInt(3); s > 0; s--) {
                stop.add(text(random));
            }
            b.stop(stop);
        }
        if (random.nextBoolean()) {
            b.seed(random.nextLong());
        }
        return b.build();
    }

    /** Text mixing ASCII, escapes, control characters, 2- and 3-byte characters and surrogate pairs. */
    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            switch (random.nextInt(8)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append("\"\\/\u007f".charAt(random.nextInt(4)));
                case 2 -> s.append((char) (0x80 + random.nextInt(0x800 - 0x80)));
                case 3 -> s.append((char) (0x800 + random.nextInt(0x10000 - 0x800))); // lone surrogates too
                case 4 -> s.appendCodePoint(0x10000 + random.nextInt(0x110000 - 0x10000));
                default -> s.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return s.toString();
    }
}
