package dev.switchboard.langchain4j.internal;

import java.time.Duration;
import java.util.List;

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
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.langchain4j.internal.StreamAssembler.Completed;
import dev.switchboard.langchain4j.internal.StreamAssembler.Failed;

/**
 * The bridge from LangChain4j's push callbacks ({@link StreamingChatResponseHandler}, called on the
 * HTTP client's thread) to core's pull-based {@link ChatStream.Source} (read on the caller's thread),
 * for one stream.
 *
 * <ul>
 *   <li>The callbacks only wrap each event and add it to a {@link Handoff}: bounded (a slow reader
 *       blocks LangChain4j, and TCP slows the server), batched (one hand-off per burst of events
 *       read from one network buffer).</li>
 *   <li>The reader turns them into core's events with a {@link StreamAssembler} ({@code <think>}
 *       tags, tool-call fragments, the partial answer).</li>
 *   <li><b>Errors on the caller's thread.</b> {@code onError} is queued behind the events that came
 *       before it; the reader delivers those, then throws it as core's typed exception.</li>
 *   <li><b>Idle timeout.</b> {@code java.net.http} has no read timeout once the headers arrived, so
 *       the reader waits at most {@code idleTimeout} for the next item, then cancels and throws a
 *       {@link StreamInterruptedException} ({@link LlmTimeoutException} as the cause).</li>
 *   <li><b>Cancellation.</b> {@link #cancel()} uses LangChain4j's own {@link StreamingHandle}
 *       (from the callbacks' context, since 1.8) and also cancels the {@link Exchange}, which closes
 *       the body even before the first event gave a handle; either closes the connection. A callback
 *       blocked on a full hand-off is released.</li>
 * </ul>
 */
public final class StreamBridge implements StreamingChatResponseHandler, ChatStream.Source {

    private final Exchange exchange;
    private final Duration idleTimeout;
    private final Handoff handoff;
    private volatile boolean terminated;
    private volatile StreamingHandle handle;

    // The reader's state: touched only by the thread calling awaitFirst() and next().
    private final StreamAssembler assembler;
    private List<Object> head;

    /**
     * @param exchange    the exchange of the stream's call (the one its HTTP client reports to)
     * @param idleTimeout the longest wait for the next callback, positive
     */
    public StreamBridge(Exchange exchange, Duration idleTimeout) {
        this.exchange = exchange;
        this.idleTimeout = idleTimeout;
        this.handoff = new Handoff(exchange);
        this.assembler = new StreamAssembler(idleTimeout);
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
        handoff.publish();
        terminated = true;
    }

    @Override
    public void onError(Throwable error) {
        // Read now: the exchange's payload is the event LangChain4j was handling when it failed.
        put(new Failed(error, exchange.lastPayload(), exchange.began()));
        handoff.publish();
        terminated = true;
    }

    private void remember(StreamingHandle streamingHandle) {
        if (handle == null && streamingHandle != null) {
            handle = streamingHandle;
        }
    }

    private void put(Object item) {
        if (terminated || handoff.isClosed()) {
            return; // after the end (LangChain4j's OpenAI module reads on after a bad chunk) or after close
        }
        handoff.add(item);
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
        List<Object> first = poll();
        if (first == null) {
            cancel();
            throw new LlmTimeoutException("no answer within the read timeout of " + idleTimeout, idleTimeout, null);
        }
        if (first != Handoff.CLOSED && first.get(0) instanceof Failed failed && !failed.began()) {
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
            if (handoff.isClosed()) {
                assembler.finish();
                return null;
            }
            ChatEvent event = assembler.next();
            if (event != null) {
                return event;
            }
            LlmException failure = assembler.takeFailure();
            if (failure != null) {
                cancel();
                throw failure;
            }
            if (assembler.finished()) {
                return null;
            }
            List<Object> batch = head != null ? head : poll();
            head = null;
            if (batch == null) {
                cancel();
                assembler.finish();
                throw new StreamInterruptedException("no event within the read timeout of " + idleTimeout,
                        assembler.partial(), new LlmTimeoutException("no event within " + idleTimeout, idleTimeout, null));
            }
            if (batch == Handoff.CLOSED) {
                assembler.finish();
                return null;
            }
            assembler.handleAll(batch);
        }
    }

    /** The next batch or {@link Handoff#CLOSED}; null after the idle timeout. */
    private List<Object> poll() {
        try {
            return handoff.poll(idleTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new LlmException("interrupted while waiting for the next event", 0, null, null, e);
        }
    }

    @Override
    public void cancel() {
        handoff.close();
        StreamingHandle streamingHandle = handle;
        if (streamingHandle != null) {
            streamingHandle.cancel();
        }
        exchange.cancel();
    }
}
