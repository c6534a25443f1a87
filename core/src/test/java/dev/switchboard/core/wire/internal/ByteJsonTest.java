package dev.switchboard.core.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ToolCall;

/** {@link OpenAiWriter#chatRequest}'s direct path ({@link ByteJson}) writes Jackson's bytes exactly. */
class ByteJsonTest {

    @Test
    void directChatRequestIsJacksonsBytesForRandomRequests() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            ChatRequest request = randomRequest(random);
            for (boolean stream : new boolean[] {true, false}) {
                byte[] direct = OpenAiWriter.chatRequestDirect(request, stream);
                byte[] jackson = OpenAiWriter.chatRequestJackson(request, stream);
                assertThat(direct).as("request %d", i).isNotNull();
                assertThat(new String(direct, StandardCharsets.UTF_8))
                        .isEqualTo(new String(jackson, StandardCharsets.UTF_8));
                assertThat(direct).isEqualTo(jackson);
                assertThat(OpenAiWriter.chatRequest(request, stream)).isEqualTo(jackson);
            }
        }
    }

    @Test
    void aLoneSurrogateFallsBackToJackson() {
        for (String text : List.of("a\uD83D", "\uDE0Ab", "x\uD83D\uD83Dy")) {
            ChatRequest request = ChatRequest.builder().model("m").user(text).build();
            assertThat(OpenAiWriter.chatRequestDirect(request, true)).isNull();
            assertThat(OpenAiWriter.chatRequest(request, true)).isEqualTo(OpenAiWriter.chatRequestJackson(request, true));
        }
    }

    @Test
    void nonFiniteOptionsAndSurrogatePairs() {
        ChatRequest request = ChatRequest.builder().user("emoji \uD83D\uDE0A, \u00e9, \u20ac, \u0000\u001f\u007f")
                .temperature(0.0).topP(-0.0).maxTokens(0).seed(Long.MIN_VALUE).build();
        assertThat(OpenAiWriter.chatRequest(request, false)).isEqualTo(OpenAiWriter.chatRequestJackson(request, false));
        ChatRequest nan = ChatRequest.builder().user("x").temperature(Double.NaN).build();
        assertThat(OpenAiWriter.chatRequest(nan, false)).isEqualTo(OpenAiWriter.chatRequestJackson(nan, false));
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
                case 3 -> {
                    char c = (char) (0x800 + random.nextInt(0xFFFF - 0x800));
                    s.append(Character.isSurrogate(c) ? '\u20ac' : c);
                }
                case 4 -> s.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
                default -> s.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return s.toString();
    }
}
