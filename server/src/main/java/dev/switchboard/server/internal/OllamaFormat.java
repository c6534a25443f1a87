package dev.switchboard.server.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.core.wire.OllamaLine;
import dev.switchboard.core.wire.OllamaWire;

/**
 * Ollama's native {@code /api/chat} and {@code /api/generate}
 * ({@code core/src/test/resources/reference/ollama-wire.md} sections 7 and 8): NDJSON, one
 * {@code done:false} line per event (reasoning as {@code thinking}, a tool call whole in
 * {@code message.tool_calls}, its {@code function.index} counting 0, 1, … over the answer as
 * Ollama's parser path does), then the {@code done:true} line with {@code done_reason} and the
 * counts. Ollama's {@code done_reason} is {@code stop} when the model called tools (its {@code /v1}
 * layer derives {@code tool_calls}). The durations on the last line are measured, in nanoseconds:
 * {@code total_duration} since the request was parsed, {@code prompt_eval_duration} until the first
 * event, {@code eval_duration} from it to the end, and {@code load_duration} (there is nothing to
 * load) 1 ns, so every metric is present as Ollama's are.
 */
public final class OllamaFormat implements ChatFormat {

    private static final byte[] MALFORMED = "{not json\n".getBytes(StandardCharsets.US_ASCII);

    private final boolean generate;
    private final String model;
    private final long startNanos = System.nanoTime();
    private long firstEventNanos;
    private FinishReason finish;
    private Usage usage;
    /** Tool calls streamed so far: the next one's {@code function.index}, as Ollama counts them per answer. */
    private int toolCallsSent;

    /** @param generate {@code /api/generate} (text in {@code response}) rather than {@code /api/chat} */
    public OllamaFormat(boolean generate, String model) {
        this.generate = generate;
        this.model = model;
    }

    @Override
    public String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    public List<byte[]> opening() {
        return List.of();
    }

    /** Notes the first event's time, which splits {@code prompt_eval_duration} from {@code eval_duration}. */
    @Override
    public void eventArrived() {
        if (firstEventNanos == 0) {
            firstEventNanos = System.nanoTime();
        }
    }

    @Override
    public List<byte[]> frames(ChatEvent event) {
        if (event instanceof ChatEvent.TextDelta) {
            return List.of(line(((ChatEvent.TextDelta) event).text(), null, List.of()));
        } else if (event instanceof ChatEvent.ReasoningDelta) {
            return List.of(line("", ((ChatEvent.ReasoningDelta) event).text(), List.of()));
        } else if (event instanceof ChatEvent.ToolCallEvent) {
            ToolCall call = ((ChatEvent.ToolCallEvent) event).toolCall();
            return List.of(newline(write(new OllamaLine(model, now(), "", null, List.of(call), false, null, null,
                    Map.of(), toolCallsSent++))));
        } else if (event instanceof ChatEvent.UsageEvent) {
            usage = ((ChatEvent.UsageEvent) event).usage();
        } else if (event instanceof ChatEvent.Finish) {
            finish = ((ChatEvent.Finish) event).reason();
        }
        return List.of();
    }

    @Override
    public List<byte[]> closing() {
        return List.of();
    }

    @Override
    public byte[] endMarker() {
        return newline(write(new OllamaLine(model, now(), "", null, List.of(), true, doneReason(finish), usage,
                durations())));
    }

    @Override
    public byte[] malformedFrame() {
        return MALFORMED.clone();
    }

    @Override
    public byte[] errorFrame(int status, String message) {
        return newline(OllamaWire.writeError(message));
    }

    @Override
    public byte[] whole(ChatResponse r) {
        return write(new OllamaLine(model, now(), r.text(), r.reasoning(), r.toolCalls(), true,
                doneReason(r.finishReason()), r.usage(), durations()));
    }

    private Map<String, Object> durations() {
        long end = System.nanoTime();
        long first = firstEventNanos == 0 ? end : firstEventNanos;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("total_duration", Math.max(1, end - startNanos));
        metrics.put("load_duration", 1L);
        metrics.put("prompt_eval_duration", Math.max(1, first - startNanos));
        metrics.put("eval_duration", Math.max(1, end - first));
        return metrics;
    }

    private byte[] line(String content, String thinking, List<ToolCall> calls) {
        return newline(write(new OllamaLine(model, now(), content, thinking, calls, false, null, null)));
    }

    private byte[] write(OllamaLine line) {
        return generate ? OllamaWire.writeGenerateLine(line) : OllamaWire.writeChatLine(line);
    }

    /** Ollama's {@code done_reason}: {@code stop}, {@code length}; tool calls end with {@code stop}. */
    static String doneReason(FinishReason reason) {
        if (reason == null || reason == FinishReason.TOOL_CALLS) {
            return "stop";
        }
        return reason.wireName();
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static byte[] newline(byte[] json) {
        byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }
}
