package dev.switchboard.core;

import java.util.List;

/**
 * What a stream delivered before it broke, carried by
 * {@link dev.switchboard.core.error.StreamInterruptedException} so nothing received is lost.
 *
 * @param text      the answer text received, possibly empty
 * @param reasoning the reasoning received, possibly empty
 * @param toolCalls tool calls received, complete or not: a call whose arguments were cut keeps the
 *                  fragment received, which may not be valid JSON
 */
public record PartialResponse(String text, String reasoning, List<ToolCall> toolCalls) {

    /** Nothing received. */
    public static final PartialResponse EMPTY = new PartialResponse("", "", List.of());

    /** Copies {@code toolCalls}; null strings become empty. */
    public PartialResponse {
        text = text == null ? "" : text;
        reasoning = reasoning == null ? "" : reasoning;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
