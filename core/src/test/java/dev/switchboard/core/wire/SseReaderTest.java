package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One test per quirk of the WHATWG server-sent events format. */
class SseReaderTest {

    private static List<String> read(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (SseReader reader = new SseReader(in)) {
            byte[] data;
            while ((data = reader.nextData()) != null) {
                out.add(new String(data, StandardCharsets.UTF_8));
            }
            assertThat(reader.nextData()).as("stays at end").isNull();
        }
        return out;
    }

    private static List<String> read(String body) throws IOException {
        return read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Delivers the body a few bytes per read, as a network might. */
    private static InputStream trickle(byte[] body, int step) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < body.length ? body[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= body.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, step), body.length - pos);
                System.arraycopy(body, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void lfLineEnds() throws IOException {
        assertThat(read("data: a\n\ndata: b\n\n")).containsExactly("a", "b");
    }

    @Test
    void crLineEnds() throws IOException {
        assertThat(read("data: a\r\rdata: b\r\r")).containsExactly("a", "b");
    }

    @Test
    void crlfLineEnds() throws IOException {
        assertThat(read("data: a\r\n\r\ndata: b\r\n\r\n")).containsExactly("a", "b");
    }

    @Test
    void crlfSplitAcrossTwoReadsIsOneLineEnd() throws IOException {
        byte[] body = "data: a\r\n\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        for (int step = 1; step <= body.length; step++) {
            assertThat(read(trickle(body, step))).as("step %d", step).containsExactly("a", "b");
        }
    }

    @Test
    void commentLinesAreIgnored() throws IOException {
        assertThat(read(": keep-alive\ndata: a\n: another\n\n:\n\n")).containsExactly("a");
    }

    @Test
    void dataWithAndWithoutTheSpace() throws IOException {
        assertThat(read("data:a\n\ndata: b\n\ndata:  c\n\n")).containsExactly("a", "b", " c");
    }

    @Test
    void multiLineDataJoinsWithLf() throws IOException {
        assertThat(read("data: {\"a\":\ndata: 1}\ndata:\n\n")).containsExactly("{\"a\":\n1}\n");
    }

    @Test
    void eventNameIsReportedForItsEventOnly() throws IOException {
        try (SseReader reader = new SseReader(new ByteArrayInputStream(
                "event: error\ndata: x\n\ndata: y\n\n".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(new String(reader.nextData(), StandardCharsets.UTF_8)).isEqualTo("x");
            assertThat(reader.lastEventName()).isEqualTo("error");
            assertThat(new String(reader.nextData(), StandardCharsets.UTF_8)).isEqualTo("y");
            assertThat(reader.lastEventName()).isNull();
        }
    }

    @Test
    void idAndRetryAndUnknownFieldsAreIgnored() throws IOException {
        assertThat(read("id: 7\nretry: 1000\nfoo: bar\ndata: a\n\n")).containsExactly("a");
    }

    @Test
    void emptyDataLineIsDeliveredAsEmptyData() throws IOException {
        assertThat(read("data:\n\ndata: \n\n")).containsExactly("", "");
    }

    @Test
    void eventWithoutAnyDataLineIsNotDelivered() throws IOException {
        assertThat(read("event: ping\n\nid: 3\n\ndata: a\n\n")).containsExactly("a");
    }

    @Test
    void doneMarkerIsOrdinaryData() throws IOException {
        assertThat(read("data: {\"x\":1}\n\ndata: [DONE]\n\n")).containsExactly("{\"x\":1}", "[DONE]");
    }

    @Test
    void lastEventWithoutTrailingBlankLineIsDeliveredAtEnd() throws IOException {
        assertThat(read("data: a\n\ndata: b\n")).containsExactly("a", "b");
        assertThat(read("data: a\n\ndata: b")).containsExactly("a", "b");
    }

    @Test
    void byteOrderMarkAtTheStartIsSkipped() throws IOException {
        byte[] body = "\uFEFFdata: a\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(read(new ByteArrayInputStream(body))).containsExactly("a");
        assertThat(read(trickle(body, 1))).containsExactly("a");
    }

    @Test
    void dataLongerThanTheBufferArrivingInPiecesIsKeptWhole() throws IOException {
        String big = "x".repeat(50_000) + "你好😊";
        byte[] body = ("data: " + big + "\n\ndata: after\n\n").getBytes(StandardCharsets.UTF_8);

        assertThat(read(trickle(body, 1000))).containsExactly(big, "after");
    }

    @Test
    void manyEventsSpanningBufferRefillsKeepTheirBoundaries() throws IOException {
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String data = "{\"n\":" + i + ",\"t\":\"" + "ab".repeat(i % 7) + "\"}";
            expected.add(data);
            body.append("data: ").append(data).append(i % 3 == 0 ? "\r\n\r\n" : "\n\n");
        }
        assertThat(read(trickle(body.toString().getBytes(StandardCharsets.UTF_8), 333))).isEqualTo(expected);
    }

    @Test
    void eventsOfEverySizeSurviveTheBufferGrowingFromItsFirstKibibyte() throws IOException {
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String data = i + ":" + "z".repeat((i * 131) % 5000);
            expected.add(data);
            body.append("data: ").append(data).append("\n\n");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(read(new ByteArrayInputStream(bytes))).isEqualTo(expected); // every read fills the buffer
        assertThat(read(trickle(bytes, 1500))).isEqualTo(expected);
    }

    @Test
    void emptyStreamHasNoEvents() throws IOException {
        assertThat(read("")).isEmpty();
    }
}
