package dev.switchboard.core.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.core.ChatAccumulator;
import dev.switchboard.core.ChatEvent;

/** Runs bytes through the readers and decoders the way a byte-level client does. */
final class StreamHarness {

    private StreamHarness() {
    }

    /** The events and final state of one decoded stream. */
    record Decoded(List<ChatEvent> events, boolean done, ChatAccumulator accumulator) {
        String text() {
            return accumulator.text();
        }
    }

    /** Decodes an SSE body with {@link SseReader} and a fresh {@link OpenAiStreamDecoder}. */
    static Decoded sse(byte[] body) {
        return sse(new ByteArrayInputStream(body), new OpenAiStreamDecoder());
    }

    /** Decodes SSE text. */
    static Decoded sse(String body) {
        return sse(body.getBytes(StandardCharsets.UTF_8));
    }

    static Decoded sse(InputStream in, OpenAiStreamDecoder decoder) {
        List<ChatEvent> events = new ArrayList<>();
        ChatAccumulator acc = new ChatAccumulator();
        try (SseReader reader = new SseReader(in)) {
            byte[] data;
            while ((data = reader.nextData()) != null) {
                decoder.decode(data, 0, data.length, e -> {
                    events.add(e);
                    acc.accept(e);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Decoded(events, decoder.isDone(), acc);
    }

    /** Decodes an NDJSON body with {@link NdjsonReader} and a fresh {@link OllamaStreamDecoder}. */
    static Decoded ndjson(String body) {
        OllamaStreamDecoder decoder = new OllamaStreamDecoder();
        List<ChatEvent> events = new ArrayList<>();
        ChatAccumulator acc = new ChatAccumulator();
        try (NdjsonReader reader = new NdjsonReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))) {
            byte[] line;
            while ((line = reader.nextLine()) != null) {
                decoder.decode(line, 0, line.length, e -> {
                    events.add(e);
                    acc.accept(e);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Decoded(events, decoder.isDone(), acc);
    }

    /** The kinds of the events, e.g. {@code [TextDelta, Finish]}, for order assertions. */
    static List<String> kinds(List<ChatEvent> events) {
        List<String> kinds = new ArrayList<>();
        for (ChatEvent e : events) {
            kinds.add(e.getClass().getSimpleName());
        }
        return kinds;
    }
}
