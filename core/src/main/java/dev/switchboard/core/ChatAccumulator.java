package dev.switchboard.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles {@link ChatEvent}s into a {@link ChatResponse} or, when a stream breaks, a
 * {@link PartialResponse}. Not thread-safe.
 */
public final class ChatAccumulator {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private FinishReason finishReason;
    private Usage usage;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    /** Adds one event. */
    public void accept(ChatEvent event) {
        if (event instanceof ChatEvent.TextDelta d) {
            text.append(d.text());
        } else if (event instanceof ChatEvent.ReasoningDelta d) {
            reasoning.append(d.text());
        } else if (event instanceof ChatEvent.ToolCallEvent t) {
            toolCalls.add(t.toolCall());
        } else if (event instanceof ChatEvent.UsageEvent u) {
            usage = u.usage();
        } else if (event instanceof ChatEvent.Finish f) {
            finishReason = f.reason();
        } else if (event instanceof ChatEvent.ExtensionsEvent x) {
            extensions.putAll(x.extensions());
        }
    }

    /** The text received so far. */
    public String text() {
        return text.toString();
    }

    /** The finish reason received, or null. */
    public FinishReason finishReason() {
        return finishReason;
    }

    /** What was received so far, for a {@link dev.switchboard.core.error.StreamInterruptedException}. */
    public PartialResponse partial() {
        return new PartialResponse(text.toString(), reasoning.toString(), toolCalls);
    }

    /**
     * The assembled response; its extensions are those of every {@link ChatEvent.ExtensionsEvent}
     * (a later value for the same name wins).
     *
     * @param id    the completion id, or null
     * @param model the model name, or null
     */
    public ChatResponse toResponse(String id, String model) {
        String content = text.length() == 0 && !toolCalls.isEmpty() ? null : text.toString();
        String thought = reasoning.length() == 0 ? null : reasoning.toString();
        return new ChatResponse(id, model, new ChatMessage.AssistantMessage(content, thought, toolCalls),
                finishReason, usage, extensions);
    }
}
