package dev.switchboard.langchain4j.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.switchboard.core.ChatAccumulator;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.wire.ThinkTagSplitter;

/**
 * The bridge from LangChain4j's push callbacks ({@link StreamingChatResponseHandler}, called on the
 * HTTP client's thread) to core's pull-based {@link ChatStream.Source} (read on the caller's thread).
 *
 * <ul>
 *   <li><b>Bounded.</b> At most {@value #CAPACITY} items are between the two threads (a
 *       {@link Semaphore} of that many permits, taken by the callback thread, given back by the
 *       reader). When they are used up the callback blocks, so LangChain4j stops reading the body
 *       and TCP flow control slows the server: a slow reader never makes this buffer grow.</li>
 *   <li><b>Cheap per event.</b> The callback thread only wraps the event and adds it to a batch of
 *       its own; it publishes the batch (one queue operation, one wake-up of a parked reader) when
 *       its HTTP body has no more bytes to parse ({@link Exchange#idle()}, just before it would wait
 *       for the network), at {@value #BATCH} events, and at the end. A token that arrived alone is
 *       so handed over at once, while a burst of events read from one network buffer costs one
 *       hand-off instead of one each, and the two threads do not contend for the queue per event.
 *       Without an idle signal (no {@link BodyStream}) every event is published at once. The reader
 *       does the rest (think tags, tool-call fragments, the partial answer) itself.</li>
 *   <li><b>Errors on the caller's thread.</b> {@code onError} is queued behind the events that came
 *       before it; the reader delivers those, then throws it as core's typed exception
 *       ({@link Failures}): before the answer began the status error itself, after it a
 *       {@link StreamInterruptedException} with the text, reasoning and tool calls so far (a tool
 *       call cut mid-way counts with the arguments received).</li>
 *   <li><b>Idle timeout.</b> {@code java.net.http} has no read timeout once the headers arrived, so
 *       the reader waits at most {@code idleTimeout} for the next item, then cancels and throws
 *       ({@link LlmTimeoutException} as the cause).</li>
 *   <li><b>Cancellation.</b> {@link #cancel()} uses LangChain4j's own {@link StreamingHandle}
 *       (from the callbacks' context, since 1.8) and also cancels the {@link Exchange}, which closes
 *       the body even before the first event gave a handle; either closes the connection. A callback
 *       blocked on a full queue is released.</li>
 * </ul>
 * {@code <think>} tags inside the text (which LangChain4j leaves in the text) are split off with core's
 * {@link ThinkTagSplitter}; {@code reasoning_content} / {@code reasoning} / Ollama's {@code thinking}
 * arrive through LangChain4j's {@code onPartialThinking}.
 */
public final class StreamBridge implements StreamingChatResponseHandler, ChatStream.Source {

    /** Items between the two threads at most. */
    static final int CAPACITY = 1024;
    /** Items published in one hand-off at most. */
    static final int BATCH = 256;

    private static final Object CLOSED = new Object();

    private record Completed(ChatResponse response) {
    }

    private record Failed(Throwable error, String payload, boolean began) {
    }

    /** Published batches ({@code List<Object>}), or {@link #CLOSED}; every batch holds at least one item. */
    private final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    /** Permits for the items published and not yet taken by the reader. */
    private final Semaphore room = new Semaphore(CAPACITY);
    private final Exchange exchange;
    private final Duration idleTimeout;
    private volatile boolean closed;
    private volatile boolean terminated;
    private volatile StreamingHandle handle;
    /** The reader while it is parked (or about to park) on an empty queue, else null. */
    private volatile Thread parkedReader;
    /** Events not published yet: LangChain4j's thread only (the one parsing the body). */
    private List<Object> outgoing = new ArrayList<>();

    // The reader's state: touched only by the thread calling next().
    private final ArrayDeque<ChatEvent> ready = new ArrayDeque<>();
    private final Consumer<ChatEvent> toReady = ready::add; // one instance, not one per event
    private final ChatAccumulator delivered = new ChatAccumulator();
    private final ThinkTagSplitter thinkTags = new ThinkTagSplitter();
    private final Map<Integer, ToolCallFragments> fragments = new TreeMap<>();
    private Object head;
    private LlmException failure;
    private boolean finished;

    /**
     * @param exchange    the exchange the stream's request runs in
     * @param idleTimeout the longest wait for the next callback, positive
     */
    public StreamBridge(Exchange exchange, Duration idleTimeout) {
        this.exchange = exchange;
        this.idleTimeout = idleTimeout;
        exchange.onIdle(this::publish);
    }

    // ------------------------------------------------------------------ LangChain4j's thread

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        remember(context.streamingHandle());
        String text = partialResponse.text();
        if (text != null && !text.isEmpty()) {
            put(text); // the reader makes the TextDelta(s), after splitting off think tags
        }
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
        remember(context.streamingHandle());
        put(new ChatEvent.ReasoningDelta(partialThinking.text()));
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
        remember(context.streamingHandle());
        put(partialToolCall);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
        put(completeToolCall);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        put(new Completed(completeResponse));
        publish();
        terminated = true;
    }

    @Override
    public void onError(Throwable error) {
        // Read now: the exchange's payload is the event LangChain4j was handling when it failed.
        put(new Failed(error, exchange.lastPayload(), exchange.began()));
        publish();
        terminated = true;
    }

    private void remember(StreamingHandle streamingHandle) {
        if (handle == null && streamingHandle != null) {
            handle = streamingHandle;
        }
    }

    private void put(Object item) {
        if (terminated || closed) {
            return; // after the end (LangChain4j's OpenAI module reads on after a bad chunk) or after close
        }
        outgoing.add(item);
        if (outgoing.size() >= BATCH || !exchange.signalsIdle()) {
            publish();
        }
    }

    /**
     * Hands the events added so far to the reader and wakes it if it is parked; blocks while
     * {@value #CAPACITY} items wait to be read. On LangChain4j's thread: after a callback, or through
     * {@link Exchange#idle()}.
     */
    void publish() {
        List<Object> batch = outgoing;
        if (batch.isEmpty() || closed) {
            return;
        }
        outgoing = new ArrayList<>();
        if (!room.tryAcquire(batch.size())) {
            wakeReader(); // full: the reader must run before there is room
            try {
                room.acquire(batch.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (closed) {
            return;
        }
        queue.offer(batch); // never full: every batch holds a permit, the queue has room for all and CLOSED
        wakeReader();
    }

    /** Unparks the reader if it waits; an extra call only costs a spurious wake-up, which the reader absorbs. */
    private void wakeReader() {
        Thread reader = parkedReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
    }

    // ------------------------------------------------------------------ the caller's thread

    /**
     * Waits for the first item, so that a status error (the answer never began) is thrown from
     * {@code LlmClient.stream} itself.
     *
     * @throws LlmException the failure, if the exchange failed before its answer began, or
     *                      {@link LlmTimeoutException} if nothing came within the idle timeout
     */
    public void awaitFirst() {
        Object first = poll();
        if (first == null) {
            cancel();
            throw new LlmTimeoutException("no answer within the read timeout of " + idleTimeout, idleTimeout, null);
        }
        if (first != CLOSED && batchOf(first).get(0) instanceof Failed failed && !failed.began()) {
            cancel();
            throw Failures.map(failed.error(), failed.payload(), idleTimeout);
        }
        head = first;
    }

    /**
     * {@inheritDoc}
     *
     * <p>After {@link #cancel()} (also from another thread, while this blocks) it ends quietly:
     * null.
     */
    @Override
    public ChatEvent next() {
        while (true) {
            if (closed) {
                finished = true;
                return null;
            }
            ChatEvent event = ready.poll();
            if (event != null) {
                delivered.accept(event);
                return event;
            }
            if (failure != null) {
                LlmException thrown = failure;
                failure = null;
                cancel();
                throw thrown;
            }
            if (finished) {
                return null;
            }
            Object item = head != null ? head : poll();
            head = null;
            if (item == null) {
                cancel();
                finished = true;
                throw new StreamInterruptedException("no event within the read timeout of " + idleTimeout,
                        partial(), new LlmTimeoutException("no event within " + idleTimeout, idleTimeout, null));
            }
            if (item == CLOSED) {
                finished = true;
                return null;
            }
            List<Object> batch = batchOf(item);
            room.release(batch.size());
            for (int i = 0; i < batch.size() && !finished; i++) {
                handle(batch.get(i));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> batchOf(Object published) {
        return (List<Object>) published;
    }

    /** The next batch or {@link #CLOSED}, parking while there is none; null after the idle timeout. */
    private Object poll() {
        Object item = queue.poll();
        if (item != null) {
            return item;
        }
        long deadline = System.nanoTime() + idleTimeout.toNanos();
        Thread reader = Thread.currentThread();
        try {
            while (true) {
                // Announce the park before the last look, so an event enqueued after that look is
                // followed by a wake-up (the queue's lock orders the two threads).
                parkedReader = reader;
                item = queue.poll();
                if (item != null) {
                    return item;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                LockSupport.parkNanos(this, left);
                if (reader.isInterrupted()) {
                    cancel();
                    throw new LlmException("interrupted while waiting for the next event", 0, null, null,
                            new InterruptedException());
                }
            }
        } finally {
            parkedReader = null;
        }
    }

    private void handle(Object item) {
        if (item instanceof String text) {
            thinkTags.feed(text, toReady);
        } else if (item instanceof ChatEvent event) {
            ready.add(event);
        } else if (item instanceof PartialToolCall part) {
            fragments.computeIfAbsent(part.index(), i -> new ToolCallFragments()).add(part);
        } else if (item instanceof CompleteToolCall call) {
            fragments.remove(call.index());
            ready.add(new ChatEvent.ToolCallEvent(call.index(), Conversions.toolCall(call.index(),
                    call.toolExecutionRequest())));
        } else if (item instanceof Completed completed) {
            thinkTags.flush(toReady);
            Conversions.finishAndUsage(completed.response(), hasToolCalls(), toReady);
            finished = true;
        } else if (item == CLOSED) {
            finished = true;
        } else if (item instanceof Failed failed) {
            thinkTags.flush(toReady);
            finished = true;
            failure = failed.began()
                    ? Failures.interrupted(failed.error(), failed.payload(), idleTimeout, partialIncluding(ready))
                    : Failures.map(failed.error(), failed.payload(), idleTimeout);
        }
    }

    private boolean hasToolCalls() {
        if (!delivered.partial().toolCalls().isEmpty()) {
            return true;
        }
        for (ChatEvent e : ready) {
            if (e instanceof ChatEvent.ToolCallEvent) {
                return true;
            }
        }
        return false;
    }

    /** What arrived so far: delivered events, then {@code pending} ones, then tool calls cut mid-way. */
    private dev.switchboard.core.PartialResponse partialIncluding(Iterable<ChatEvent> pending) {
        ChatAccumulator all = new ChatAccumulator();
        dev.switchboard.core.PartialResponse sofar = delivered.partial();
        if (!sofar.reasoning().isEmpty()) {
            all.accept(new ChatEvent.ReasoningDelta(sofar.reasoning()));
        }
        if (!sofar.text().isEmpty()) {
            all.accept(new ChatEvent.TextDelta(sofar.text()));
        }
        int index = 0;
        for (ToolCall call : sofar.toolCalls()) {
            all.accept(new ChatEvent.ToolCallEvent(index++, call));
        }
        pending.forEach(all::accept);
        fragments.forEach((i, f) -> all.accept(new ChatEvent.ToolCallEvent(i, f.toToolCall(i))));
        return all.partial();
    }

    private dev.switchboard.core.PartialResponse partial() {
        return partialIncluding(List.of());
    }

    @Override
    public void cancel() {
        closed = true;
        queue.clear();
        room.release(CAPACITY); // releases a callback blocked for room
        queue.offer(CLOSED); // ends the reader's wait
        wakeReader();
        StreamingHandle streamingHandle = handle;
        if (streamingHandle != null) {
            streamingHandle.cancel();
        }
        exchange.cancel();
    }

    /** The fragments of one tool call received so far (id and name in the first, arguments in many). */
    private static final class ToolCallFragments {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        void add(PartialToolCall part) {
            if (part.id() != null && !part.id().isBlank()) {
                id = part.id();
            }
            if (part.name() != null && !part.name().isBlank()) {
                name = part.name();
            }
            if (part.partialArguments() != null) {
                arguments.append(part.partialArguments());
            }
        }

        ToolCall toToolCall(int index) {
            return new ToolCall(id == null ? "call_" + index : id, name == null ? "" : name, arguments.toString());
        }
    }
}
