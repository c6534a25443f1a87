package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NdjsonReaderTest {

    private static List<String> read(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (NdjsonReader reader = new NdjsonReader(in)) {
            byte[] line;
            while ((line = reader.nextLine()) != null) {
                out.add(new String(line, StandardCharsets.UTF_8));
            }
            assertThat(reader.nextLine()).isNull();
        }
        return out;
    }

    private static List<String> read(String body) throws IOException {
        return read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

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
    void lfSeparatedLines() throws IOException {
        assertThat(read("{\"a\":1}\n{\"b\":2}\n")).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void crlfSeparatedLinesLoseTheCr() throws IOException {
        assertThat(read("{\"a\":1}\r\n{\"b\":2}\r\n")).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        assertThat(read("\n{\"a\":1}\n\n  \r\n\t\n{\"b\":2}\n\n")).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void lastLineWithoutNewlineIsDelivered() throws IOException {
        assertThat(read("{\"a\":1}\n{\"done\":true}")).containsExactly("{\"a\":1}", "{\"done\":true}");
    }

    @Test
    void linesLongerThanTheBufferArrivingInPiecesAreWhole() throws IOException {
        String big = "{\"t\":\"" + "y".repeat(40_000) + "你好😊\"}";
        byte[] body = (big + "\n{\"done\":true}\n").getBytes(StandardCharsets.UTF_8);

        assertThat(read(trickle(body, 777))).containsExactly(big, "{\"done\":true}");
        assertThat(read(trickle(body, 1))).containsExactly(big, "{\"done\":true}");
    }

    @Test
    void linesOfEverySizeSurviveTheBufferGrowingFromItsFirstKibibyte() throws IOException {
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String line = "{\"n\":" + i + ",\"t\":\"" + "w".repeat((i * 131) % 5000) + "\"}";
            expected.add(line);
            body.append(line).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(read(new ByteArrayInputStream(bytes))).isEqualTo(expected); // every read fills the buffer
        assertThat(read(trickle(bytes, 1500))).isEqualTo(expected);
    }

    @Test
    void emptyInputHasNoLines() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n")).isEmpty();
    }
}
