package dev.switchboard.openaijava.internal;

import java.util.List;
import java.util.function.Consumer;

import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.Usage;

/**
 * Turns the SDK's parsed {@code text_completion} chunks into events, as core's
 * {@code CompletionStreamDecoder} does for raw bytes: a {@link ChatEvent.TextDelta} per non-empty
 * {@code choices[0].text}, {@link ChatEvent.Finish} at the first {@code finish_reason} (else at the
 * end: {@code stop}), then one {@link ChatEvent.UsageEvent} at the end. Usage comes from a chunk
 * with {@code choices:[]} or, failing that, the finish chunk (llama-server,
 * {@code core/src/test/resources/reference/llama-server-transcripts/08-completions-stream.txt});
 * Ollama's zero usage on every other chunk is ignored ({@code ollama-wire.md} section 4). Fields
 * are read through the SDK's lenient {@code _field()} accessors: chunks carry
 * {@code finish_reason: null}, which the SDK's typed getter would reject.
 */
public final class CompletionEvents implements SdkEventSource.Decoder<Completion> {

    private final StringBuilder text = new StringBuilder();
    private boolean finished;
    private Usage usage;
    private boolean usageFromUsageChunk;

    /** A decoder at the start of a stream. */
    public CompletionEvents() {
    }

    @Override
    public void decode(Completion chunk, Consumer<ChatEvent> out) {
        List<CompletionChoice> choices = chunk._choices().asKnown().orElse(List.of());
        Usage chunkUsage = chunk._usage().asKnown().map(SdkResponses::usage).orElse(null);
        if (choices.isEmpty()) {
            if (chunkUsage != null) {
                usage = chunkUsage;
                usageFromUsageChunk = true;
            }
            return;
        }
        CompletionChoice choice = choices.get(0);
        String piece = choice._text().asKnown().orElse(null);
        if (piece != null && !piece.isEmpty() && !finished) {
            text.append(piece);
            out.accept(new ChatEvent.TextDelta(piece));
        }
        FinishReason reason = SdkResponses.finishReason(choice._finishReason());
        if (reason != null && !finished) {
            if (chunkUsage != null && !usageFromUsageChunk) {
                usage = chunkUsage;
            }
            finished = true;
            out.accept(new ChatEvent.Finish(reason));
        }
    }

    @Override
    public void end(Consumer<ChatEvent> out) {
        if (!finished) {
            finished = true;
            out.accept(new ChatEvent.Finish(FinishReason.STOP));
        }
        if (usage != null) {
            out.accept(new ChatEvent.UsageEvent(usage));
        }
    }

    @Override
    public PartialResponse partial() {
        return new PartialResponse(text.toString(), "", List.of());
    }
}
