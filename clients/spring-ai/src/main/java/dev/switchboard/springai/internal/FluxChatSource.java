package dev.switchboard.springai.internal;

import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import org.reactivestreams.Subscription;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

import com.openai.models.chat.completions.ChatCompletionChunk;

import dev.switchboard.core.ChatAccumulator;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.wire.ThinkTagSplitter;

import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.util.concurrent.Queues;

/**
 * The bridge from Spring AI's push-based {@code Flux<ChatResponse>} to core's pull-based
 * {@link ChatStream}: a Reactor subscriber on one side, a {@link ChatStream.Source} on the other.
 *
 * <ul>
 *   <li><b>Bounded.</b> The queue between the threads (Reactor's {@code SpscArrayQueue}) holds at
 *       most {@value #CAPACITY} answers; when it is full, the thread delivering them (openai-java's
 *       stream handler, which reads the socket) waits in {@code onNext} until the caller took one,
 *       so nothing more is read and TCP flow control slows the server. Demand is not used for this:
 *       the subscriber requests everything, because Spring AI's chain does not honour a bounded
 *       demand (its {@code bufferUntil} fails with {@code OverflowException: Could not emit buffer
 *       due to lack of requests} once the caller falls behind the requested amount).</li>
 *   <li><b>Cheap handoff.</b> Spring AI delivers on openai-java's stream-handler thread; the caller
 *       reads on its own and parks when the queue is empty. The producer wakes a parked caller not
 *       for every answer but when its thread is about to wait for the network (the stream's own
 *       {@link NetworkWait}, signalled by its {@link StreamHttpClient}), i.e. once all answers in the
 *       bytes received so far were delivered: an answer that arrived alone is handed over at once, a
 *       burst read from one network buffer costs one wake-up. The end, an error, and an answer
 *       delivered on any other thread wake it at once.</li>
 *   <li><b>Errors on the caller's thread.</b> Everything delivered before a failure is handed out
 *       first; then the failure is thrown as core's typed exception ({@link Failures}): before the
 *       first answer as it is (status, the server's message), after it as a
 *       {@link StreamInterruptedException} with the text, reasoning and tool calls so far.</li>
 *   <li><b>Closing cancels.</b> {@link #cancel()} disposes the subscription: Spring AI closes
 *       openai-java's response, and {@link SseEndGuard} cancels the HTTP call. A reader blocked on
 *       another thread is released with a {@link StreamInterruptedException} (cause a
 *       {@link CancellationException}) keeping what arrived.</li>
 * </ul>
 *
 * <p>Tool-call fragments: Spring AI holds a tool call's chunks back until the chunk with
 * {@code finish_reason: tool_calls}, and on an error drops them. The source catches those chunks
 * with Reactor's {@code doOnDiscard} hook and merges them by {@code index} into the partial answer,
 * so a cut during tool calls keeps the calls received.
 */
public final class FluxChatSource implements ChatStream.Source {

    /** Answers waiting for the caller at most. */
    static final int CAPACITY = 64;
    /** Longest park of a producer waiting for room before it looks again (a guard, not a poll). */
    private static final long PRODUCER_PARK_NANOS = 1_000_000;

    private final Endpoint endpoint;
    private final NetworkWait networkWait;
    private final Queue<ChatResponse> queue = Queues.<ChatResponse>get(CAPACITY).get();
    private final Queue<ChatCompletionChunk> discarded = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<ChatEvent> pending = new ArrayDeque<>();
    private final ChatAccumulator received = new ChatAccumulator();
    private final ThinkTagSplitter thinkTags = new ThinkTagSplitter();

    private final Receiver receiver = new Receiver();
    private final Runnable wake = this::wake;
    private volatile Thread waiter;
    private volatile Thread blockedProducer;
    /** The caller's thread while it is inside {@link #take()} (or subscribing), else null. */
    private volatile Thread reading;
    private volatile boolean done;
    private volatile boolean cancelled;
    private Throwable failure; // written before done, read after it
    private int reasoningSeen;
    private int toolCallIndex;
    private boolean answered;
    private boolean ended;

    private FluxChatSource(Endpoint endpoint, NetworkWait networkWait) {
        this.endpoint = endpoint;
        this.networkWait = networkWait;
    }

    /**
     * {@link #open(Flux, NetworkWait, Endpoint)} without a network-wait signal: every answer wakes the
     * reader at once.
     *
     * @param answers  Spring AI's stream, not yet subscribed
     * @param endpoint for the read timeout in messages
     * @return the stream
     * @throws dev.switchboard.core.error.LlmException if the call failed before its first answer
     */
    public static ChatStream open(Flux<ChatResponse> answers, Endpoint endpoint) {
        return open(answers, new NetworkWait(), endpoint);
    }

    /**
     * Subscribes to {@code answers} on this thread and waits for the first signal, so a failure
     * before the first answer (an error status, no connection, the idle timeout) is thrown here.
     *
     * @param answers     Spring AI's stream, not yet subscribed
     * @param networkWait this stream's signal, given to the {@link StreamHttpClient} that
     *                    {@code answers} reads through; wake-ups of the reader wait for it
     * @param endpoint    for the read timeout in messages
     * @return the stream
     * @throws dev.switchboard.core.error.LlmException if the call failed before its first answer
     */
    public static ChatStream open(Flux<ChatResponse> answers, NetworkWait networkWait, Endpoint endpoint) {
        FluxChatSource source = new FluxChatSource(endpoint, networkWait);
        source.reading = Thread.currentThread();
        try {
            answers.doOnDiscard(ChatCompletionChunk.class, source.discarded::add).subscribe(source.receiver);
        } finally {
            source.reading = null;
        }
        source.awaitFirstSignal();
        return ChatStream.of(source);
    }

    // ------------------------------------------------------------------ producer side (Reactor)

    /** Receives Spring AI's answers on whatever thread delivers them (openai-java's stream handler). */
    private final class Receiver extends BaseSubscriber<ChatResponse> {
        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE); // bounded by the queue, see the class comment
        }

        @Override
        protected void hookOnNext(ChatResponse answer) {
            if (!queue.offer(answer) && !awaitRoom(answer)) {
                return; // cancelled while waiting
            }
            VarHandle.fullFence(); // the offer before the look at waiter (the queue's store is only ordered)
            if (waiter != null && !networkWait.defer(wake)) {
                wake();
            }
        }

        @Override
        protected void hookOnComplete() {
            done = true;
            wake();
        }

        @Override
        protected void hookOnError(Throwable error) {
            failure = error;
            done = true;
            wake();
        }
    }

    /** Waits, on the delivering thread, until {@code answer} fits in the queue; false if cancelled first. */
    private boolean awaitRoom(ChatResponse answer) {
        Thread self = Thread.currentThread();
        if (self == reading) {
            // Delivered synchronously inside the caller's own request or subscribe: waiting would
            // never end. Spring AI delivers on openai-java's stream-handler thread, so this is a
            // Flux that emits on the subscriber's thread; it is refused rather than buffered.
            receiver.dispose();
            hookOnErrorFromReceiver(new IllegalStateException("more than " + CAPACITY
                    + " answers were delivered on the reading thread itself; deliver them on another thread"));
            return false;
        }
        wake(); // the caller must run before there is room
        try {
            while (!cancelled) {
                blockedProducer = self;
                VarHandle.fullFence();
                if (queue.offer(answer)) {
                    return true;
                }
                LockSupport.parkNanos(this, PRODUCER_PARK_NANOS);
            }
            return false;
        } finally {
            blockedProducer = null;
        }
    }

    private void hookOnErrorFromReceiver(Throwable error) {
        failure = error;
        done = true;
    }

    private void wake() {
        Thread parked = waiter;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }

    // ------------------------------------------------------------------ consumer side (ChatStream)

    @Override
    public ChatEvent next() {
        for (;;) {
            ChatEvent event = pending.poll();
            if (event != null) {
                received.accept(event);
                return event;
            }
            if (ended) {
                return null;
            }
            ChatResponse answer = take();
            if (answer != null) {
                answered = true;
                translate(answer);
            } else {
                end();
            }
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        receiver.dispose();
        done = true; // no signal follows a cancel: release a reader blocked on another thread
        wake();
        Thread producer = blockedProducer;
        if (producer != null) {
            LockSupport.unpark(producer);
        }
    }

    private void awaitFirstSignal() {
        ChatResponse first = take();
        if (first != null) {
            answered = true;
            translate(first);
        } else if (failure != null) {
            throw Failures.beforeAnswer(failure, endpoint);
        } else {
            end();
        }
    }

    /** The next answer, blocking; null once upstream ended (check {@link #failure}) or the stream was cancelled. */
    private ChatResponse take() {
        reading = Thread.currentThread();
        try {
            return takeNext();
        } finally {
            reading = null;
        }
    }

    private ChatResponse takeNext() {
        for (;;) {
            ChatResponse answer = queue.poll();
            if (answer != null) {
                VarHandle.fullFence(); // the slot freed before the look at blockedProducer
                Thread producer = blockedProducer;
                if (producer != null) {
                    LockSupport.unpark(producer);
                }
                return answer;
            }
            if (done) {
                answer = queue.poll(); // an answer may have arrived just before the end
                if (answer != null) {
                    return answer;
                }
                return null;
            }
            waiter = Thread.currentThread();
            if (queue.isEmpty() && !done) {
                LockSupport.park(this);
            }
            waiter = null;
            if (Thread.currentThread().isInterrupted()) {
                receiver.dispose();
                throw new StreamInterruptedException("the reading thread was interrupted", partial(),
                        new InterruptedException());
            }
        }
    }

    /** After upstream ended: flush held-back text, then either end or throw the failure. */
    private void end() {
        ended = true;
        thinkTags.flush(pending::add);
        if (cancelled) {
            throw new StreamInterruptedException("the stream was closed while it was being read", partial(),
                    new CancellationException("ChatStream.close()"));
        }
        if (failure == null) {
            return;
        }
        while (!pending.isEmpty()) {
            received.accept(pending.poll()); // part of the answer, though never handed out
        }
        if (!answered) {
            throw Failures.beforeAnswer(failure, endpoint);
        }
        throw Failures.midStream(failure, partial(), endpoint);
    }

    /** One Spring AI answer (one chunk, or a merged run of tool-call chunks) as events, in order. */
    private void translate(ChatResponse answer) {
        Generation generation = answer.getResult();
        if (generation != null) {
            AssistantMessage message = generation.getOutput();
            String reasoning = Conversions.reasoning(message); // accumulated by Spring AI
            if (reasoning.length() > reasoningSeen) {
                pending.add(new ChatEvent.ReasoningDelta(reasoning.substring(reasoningSeen)));
                reasoningSeen = reasoning.length();
            }
            String text = message.getText();
            if (text != null && !text.isEmpty()) {
                thinkTags.feed(text, pending::add);
            }
            for (AssistantMessage.ToolCall call : message.getToolCalls()) {
                pending.add(new ChatEvent.ToolCallEvent(toolCallIndex, Conversions.toolCall(call, toolCallIndex)));
                toolCallIndex++;
            }
            FinishReason finish = Conversions.finishReason(generation.getMetadata().getFinishReason());
            if (finish != null) {
                thinkTags.flush(pending::add);
                pending.add(new ChatEvent.Finish(finish));
            }
        }
        // Spring AI gives every chunk without usage a usage of 0, 0, 0 (chunkToChatCompletion): skip those.
        Usage usage = Conversions.usage(answer.getMetadata().getUsage());
        if (usage != null && usage.totalTokens() + usage.promptTokens() + usage.completionTokens() > 0) {
            pending.add(new ChatEvent.UsageEvent(usage));
        }
    }

    /** What arrived: the events so far plus tool calls Spring AI was still holding back. */
    private PartialResponse partial() {
        PartialResponse sofar = received.partial();
        List<ToolCall> calls = new ArrayList<>(sofar.toolCalls());
        calls.addAll(heldBackToolCalls());
        return new PartialResponse(sofar.text(), sofar.reasoning(), calls);
    }

    /** Merges the tool-call fragments of the discarded chunks by {@code index}, as the wire sends them. */
    private List<ToolCall> heldBackToolCalls() {
        Map<Long, String[]> byIndex = new LinkedHashMap<>(); // index -> {id, name, arguments}
        for (ChatCompletionChunk chunk : discarded) {
            if (chunk.choices().isEmpty()) {
                continue;
            }
            for (ChatCompletionChunk.Choice.Delta.ToolCall fragment
                    : chunk.choices().get(0).delta().toolCalls().orElse(List.of())) {
                String[] call = byIndex.computeIfAbsent(fragment.index(), i -> new String[] {"", "", ""});
                fragment.id().filter(id -> !id.isBlank()).ifPresent(id -> {
                    if (call[0].isEmpty()) {
                        call[0] = id;
                    }
                });
                fragment.function().ifPresent(function -> {
                    function.name().filter(name -> !name.isBlank()).ifPresent(name -> {
                        if (call[1].isEmpty()) {
                            call[1] = name;
                        }
                    });
                    function.arguments().ifPresent(arguments -> call[2] += arguments);
                });
            }
        }
        List<ToolCall> calls = new ArrayList<>();
        byIndex.forEach((index, call) ->
                calls.add(new ToolCall(call[0].isEmpty() ? "call_" + index : call[0], call[1], call[2])));
        return calls;
    }
}
