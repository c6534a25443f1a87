package dev.switchboard.server.internal;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.CompletionResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.Usage;
import dev.switchboard.core.wire.CompletionChunk;
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.core.wire.Sse;

/**
 * {@code /v1/completions} as llama-server writes it
 * ({@code core/src/test/resources/reference/llama-server-transcripts/07-completions.txt},
 * {@code 08-completions-stream.txt}): no role chunk; one {@code text_completion} chunk per text
 * event; a last chunk with {@code "text":""} and the finish reason; with {@code include_usage} a
 * chunk with {@code choices:[]} and {@code usage} (OpenAI's and Ollama's place for it,
 * {@code ollama-wire.md} section 4); then {@code data: [DONE]}. Reasoning and tool-call events
 * have no place in a text completion and are left out (Ollama drops {@code thinking} there too).
 */
public final class CompletionFormat extends OpenAiSseFormat {

    private final String id;
    private final long created;
    private final String model;
    private final boolean includeUsage;
    private FinishReason finish;
    private Usage usage;

    /**
     * @param created      seconds since the epoch
     * @param includeUsage {@code stream_options.include_usage}
     */
    public CompletionFormat(String id, long created, String model, boolean includeUsage) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.includeUsage = includeUsage;
    }

    @Override
    public List<byte[]> opening() {
        return List.of();
    }

    @Override
    public List<byte[]> frames(ChatEvent event) {
        if (event instanceof ChatEvent.TextDelta t) {
            return List.of(frame(CompletionChunk.of(id, created, model, t.text(), null, null)));
        }
        if (event instanceof ChatEvent.UsageEvent u) {
            usage = u.usage();
        } else if (event instanceof ChatEvent.Finish f) {
            finish = f.reason();
        }
        return List.of();
    }

    @Override
    public List<byte[]> closing() {
        List<byte[]> out = new ArrayList<>(2);
        String reason = (finish == null || finish == FinishReason.TOOL_CALLS ? FinishReason.STOP : finish).wireName();
        out.add(frame(CompletionChunk.of(id, created, model, "", reason, null)));
        if (includeUsage && usage != null) {
            out.add(frame(CompletionChunk.usageOnly(id, created, model, usage)));
        }
        return out;
    }

    @Override
    public byte[] whole(ChatResponse response) {
        FinishReason reason = response.finishReason() == FinishReason.TOOL_CALLS ? FinishReason.STOP
                : response.finishReason();
        return OpenAiWire.writeCompletionResponse(new CompletionResponse(response.id(), response.model(),
                response.text(), reason, response.usage(), null), created);
    }

    private static byte[] frame(CompletionChunk chunk) {
        return Sse.frame(OpenAiWire.writeCompletionChunk(chunk));
    }
}
