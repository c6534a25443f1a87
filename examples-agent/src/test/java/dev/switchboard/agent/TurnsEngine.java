package dev.switchboard.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ToolCall;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.engine.ReasoningShape;

/**
 * A test-only engine behind the real {@link dev.switchboard.server.SwitchboardServer}: each chat
 * request gets the next scripted turn, and every request is recorded as the server decoded it. It
 * makes the model's side of the failure paths the scripted engine's rules cannot produce (an
 * unknown tool name, arguments that are not JSON, a tool result followed by another call), so they
 * cross real HTTP through a real client.
 */
public final class TurnsEngine implements Engine {

    private final Deque<List<ChatEvent>> turns = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "turns-engine");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues a turn that asks for these calls and ends with {@code tool_calls}. */
    public synchronized TurnsEngine thenCall(ToolCall... calls) {
        List<ChatEvent> events = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            events.add(new ChatEvent.ToolCallEvent(i, calls[i]));
        }
        events.add(new ChatEvent.Finish(FinishReason.TOOL_CALLS));
        turns.add(events);
        return this;
    }

    /** Queues a turn that answers {@code text}, word by word, ending with {@code stop}. */
    public synchronized TurnsEngine thenAnswer(String text) {
        List<ChatEvent> events = new ArrayList<>();
        for (String word : text.split("(?<= )")) {
            events.add(new ChatEvent.TextDelta(word));
        }
        events.add(new ChatEvent.Finish(FinishReason.STOP));
        turns.add(events);
        return this;
    }

    /** The requests received so far, in order. */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** Whether every queued turn was played. */
    public synchronized boolean exhausted() {
        return turns.isEmpty();
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(new ModelInfo("turns", "test", 0));
    }

    @Override
    public synchronized EngineCall chat(ChatRequest request, EngineSink sink) {
        requests.add(request);
        List<ChatEvent> turn = turns.poll();
        if (turn == null) {
            throw new EngineException(500, "TurnsEngine: no turn left for request " + requests.size());
        }
        executor.execute(() -> {
            turn.forEach(sink::onEvent);
            sink.onComplete();
        });
        return () -> {
        };
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        throw new EngineException(400, "TurnsEngine does not embed");
    }

    @Override
    public ReasoningShape reasoningShape(String model) {
        return ReasoningShape.REASONING_CONTENT;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
