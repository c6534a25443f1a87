package dev.switchboard.core.wire.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.wire.ChatChunk;

/**
 * Merges streamed tool-call fragments by {@code index}: the first fragment of a call usually holds
 * its {@code id} and {@code name}, later ones pieces of {@code arguments}
 * ({@code core/src/test/resources/reference/llama-server-transcripts/35-forced-tool-call-stream.txt});
 * fragments of different calls may interleave. An id or name is taken from the first fragment that
 * has one. Not thread-safe.
 */
public final class ToolCallMerger {

    private static final class Pending {
        final int index;
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();

        Pending(int index) {
            this.index = index;
        }

        ToolCall toToolCall() {
            return new ToolCall(id != null ? id : "call_" + index, name != null ? name : "", arguments.toString());
        }
    }

    /** Calls not yet emitted, sorted by index. */
    private final List<Pending> pending = new ArrayList<>(2);
    private final List<ToolCall> emitted = new ArrayList<>(2);

    /** Adds the fragments of one chunk. */
    public void add(List<ChatChunk.ToolCallDelta> fragments) {
        for (int i = 0, n = fragments.size(); i < n; i++) {
            ChatChunk.ToolCallDelta f = fragments.get(i);
            Pending call = find(f.index());
            if (call.id == null && f.id() != null && !f.id().isEmpty()) {
                call.id = f.id();
            }
            if (call.name == null && f.name() != null && !f.name().isEmpty()) {
                call.name = f.name();
            }
            if (f.argumentsFragment() != null) {
                call.arguments.append(f.argumentsFragment());
            }
        }
    }

    /** Emits every pending call as a {@link ChatEvent.ToolCallEvent}, by ascending index. */
    public void emitPending(Consumer<ChatEvent> out) {
        for (Pending call : pending) {
            ToolCall toolCall = call.toToolCall();
            emitted.add(toolCall);
            out.accept(new ChatEvent.ToolCallEvent(call.index, toolCall));
        }
        pending.clear();
    }

    /** Whether a call is waiting to be emitted. */
    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The calls emitted so far. */
    public List<ToolCall> emitted() {
        return emitted;
    }

    /** The calls not yet emitted, as they stand (arguments may be cut). */
    public List<ToolCall> pending() {
        List<ToolCall> calls = new ArrayList<>(pending.size());
        for (Pending call : pending) {
            calls.add(call.toToolCall());
        }
        return calls;
    }

    private Pending find(int index) {
        int at = 0;
        for (int n = pending.size(); at < n; at++) {
            Pending call = pending.get(at);
            if (call.index == index) {
                return call;
            }
            if (call.index > index) {
                break;
            }
        }
        Pending call = new Pending(index);
        pending.add(at, call);
        return call;
    }
}
