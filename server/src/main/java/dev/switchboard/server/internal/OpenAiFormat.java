package dev.switchboard.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.core.wire.ChatChunk;
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.core.wire.ReasoningField;
import dev.switchboard.core.wire.Sse;
import dev.switchboard.server.engine.ReasoningShape;

/**
 * {@code /v1/chat/completions} as llama-server writes it
 * ({@code core/src/test/resources/reference/llama-server-transcripts/05-chat-stream.txt},
 * {@code 06-chat-stream-usage.txt}):
 * a first chunk {@code delta:{role:"assistant",content:null}}, one chunk per event, the finish
 * reason on its own chunk with {@code delta:{}}, with {@code include_usage} a chunk with
 * {@code choices:[]} and {@code usage}, then {@code data: [DONE]}. Every chunk has the same
 * {@code id}, {@code created} and {@code model}. Reasoning goes where {@link ReasoningShape} says;
 * a tool call is sent as two fragments (id, name and the first half of the arguments, then the
 * rest) so clients must merge by {@code index}. The engine's {@link ChatEvent.ExtensionsEvent}
 * (the llama.cpp engine's {@code timings}) goes on the last chunk before {@code [DONE]}: the usage
 * chunk when there is one, else the finish chunk, as llama-server puts its {@code timings}
 * ({@code 06-chat-stream-usage.txt}, {@code 11-tools-required-stream.txt}).
 */
public final class OpenAiFormat extends OpenAiSseFormat {

    private final String id;
    private final long created;
    private final String model;
    private final ReasoningShape shape;
    private final boolean includeUsage;
    private boolean inThink;
    private FinishReason finish;
    private Usage usage;
    private Map<String, Object> extensions = Map.of();

    /**
     * @param created      seconds since the epoch
     * @param includeUsage {@code stream_options.include_usage}
     */
    public OpenAiFormat(String id, long created, String model, ReasoningShape shape, boolean includeUsage) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.shape = shape;
        this.includeUsage = includeUsage;
    }

    @Override
    public List<byte[]> opening() {
        return List.of(frame(chunk("assistant", null, null, null, List.of(), null, null)));
    }

    @Override
    public List<byte[]> frames(ChatEvent event) {
        List<byte[]> out = new ArrayList<>(2);
        if (event instanceof ChatEvent.TextDelta) {
            out.add(content(closeThink() + ((ChatEvent.TextDelta) event).text()));
        } else if (event instanceof ChatEvent.ReasoningDelta) {
            String text = ((ChatEvent.ReasoningDelta) event).text();
            if (shape == ReasoningShape.THINK_TAGS) {
                out.add(content((inThink ? "" : "<think>") + text));
                inThink = true;
            } else if (shape == ReasoningShape.REASONING) {
                out.add(frame(chunk(null, null, null, text, List.of(), null, null)));
            } else {
                out.add(frame(chunk(null, null, text, null, List.of(), null, null)));
            }
        } else if (event instanceof ChatEvent.ToolCallEvent) {
            if (inThink) {
                out.add(content(closeThink()));
            }
            ChatEvent.ToolCallEvent t = (ChatEvent.ToolCallEvent) event;
            toolCallFragments(t.index(), t.toolCall(), out);
        } else if (event instanceof ChatEvent.UsageEvent) {
            usage = ((ChatEvent.UsageEvent) event).usage();
        } else if (event instanceof ChatEvent.Finish) {
            finish = ((ChatEvent.Finish) event).reason();
        } else if (event instanceof ChatEvent.ExtensionsEvent) {
            extensions = ((ChatEvent.ExtensionsEvent) event).extensions();
        }
        return out;
    }

    @Override
    public List<byte[]> closing() {
        List<byte[]> out = new ArrayList<>(3);
        if (inThink) {
            out.add(content(closeThink()));
        }
        String reason = finish == null ? FinishReason.STOP.wireName() : finish.wireName();
        boolean usageChunk = includeUsage && usage != null;
        out.add(frame(chunk(null, null, null, null, List.of(), reason, null), usageChunk ? Map.of() : extensions));
        if (usageChunk) {
            out.add(frame(chunk(null, null, null, null, List.of(), null, usage), extensions));
        }
        return out;
    }

    @Override
    public byte[] whole(ChatResponse response) {
        return OpenAiWire.writeChatResponse(response, created, ReasoningField.valueOf(shape.name()));
    }

    private String closeThink() {
        if (!inThink) {
            return "";
        }
        inThink = false;
        return "</think>";
    }

    private void toolCallFragments(int index, ToolCall call, List<byte[]> out) {
        String args = call.arguments();
        int mid = args.length() / 2;
        if (mid > 0 && Character.isHighSurrogate(args.charAt(mid - 1))) {
            mid--;
        }
        if (mid == 0) {
            out.add(frame(toolChunk(new ChatChunk.ToolCallDelta(index, call.id(), call.name(), args))));
            return;
        }
        out.add(frame(toolChunk(new ChatChunk.ToolCallDelta(index, call.id(), call.name(), args.substring(0, mid)))));
        out.add(frame(toolChunk(new ChatChunk.ToolCallDelta(index, null, null, args.substring(mid)))));
    }

    private ChatChunk toolChunk(ChatChunk.ToolCallDelta delta) {
        return chunk(null, null, null, null, List.of(delta), null, null);
    }

    private byte[] content(String text) {
        return frame(chunk(null, text, null, null, List.of(), null, null));
    }

    private ChatChunk chunk(String role, String content, String reasoningContent, String reasoning,
            List<ChatChunk.ToolCallDelta> toolCalls, String finishReason, Usage chunkUsage) {
        return new ChatChunk(id, created, model, role, content, reasoningContent, reasoning, toolCalls,
                finishReason, chunkUsage);
    }

    private static byte[] frame(ChatChunk chunk) {
        return Sse.frame(OpenAiWire.writeChunk(chunk));
    }

    private static byte[] frame(ChatChunk chunk, Map<String, Object> extensions) {
        return Sse.frame(OpenAiWire.writeChunk(chunk, extensions));
    }
}
