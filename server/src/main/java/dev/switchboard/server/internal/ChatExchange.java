package dev.switchboard.server.internal;

import java.time.Duration;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import dev.switchboard.core.ChatAccumulator;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.server.engine.Engine;
import dev.switchboard.server.engine.EngineCall;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.EngineSink;
import dev.switchboard.server.fault.Fault;

/**
 * One chat request, from the parsed body to the last byte, on both wires. The engine's sink calls
 * arrive on any thread and are moved onto the connection's event loop, where everything else
 * happens. A stream's headers are sent with its first event, so an engine that fails before
 * producing anything still gets its real status and error body; once streaming, a failure is an
 * error frame. The client closing the connection cancels the engine call. Moving the sink calls
 * onto the event loop, and pausing the engine while the client reads slowly, is
 * {@link EngineHandOver}'s.
 */
public final class ChatExchange implements EngineSink, FramePump.Listener {

    /** Creates the format of one exchange. */
    public interface FormatFactory {
        /**
         * @param id    the completion id ({@code chatcmpl-} and 32 letters or digits, as llama-server)
         * @param model the model to name in the answer
         */
        ChatFormat create(String id, String model);
    }

    private final ServerContext server;
    private final Engine engine;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final ChatRequest engineRequest;
    private final boolean stream;
    private final ChatFormat format;
    private final Fault fault;
    private final String id;
    private final String model;
    private final ChatAccumulator accumulator = new ChatAccumulator();
    private final EngineHandOver handOver;
    private FramePump pump;
    private boolean over;
    private boolean streamCounted;
    private long stallTimer = -1;

    private ChatExchange(ServerContext server, Engine engine, HttpServerRequest request, ChatRequest engineRequest,
            boolean stream, FormatFactory formats, Fault fault, String model) {
        this.server = server;
        this.engine = engine;
        this.request = request;
        this.response = request.response();
        this.engineRequest = engineRequest;
        this.stream = stream;
        this.fault = fault;
        this.model = model;
        this.id = Ids.chatCompletionId();
        this.format = formats.create(id, model);
        this.handOver = new EngineHandOver(Vertx.currentContext(), this::event, this::complete, this::error,
                this::batchEnded);
    }

    /**
     * Answers a parsed chat request: applies its fault, then starts the engine. Runs on the
     * request's event loop.
     *
     * @param clientRequest the request as parsed (model as sent)
     * @param stream        whether to stream
     */
    public static void begin(ServerContext server, HttpServerRequest request, ChatRequest clientRequest,
            boolean stream, FormatFactory formats) {
        begin(server, server.engine(), request, clientRequest, stream, formats);
    }

    /**
     * As {@link #begin(ServerContext, HttpServerRequest, ChatRequest, boolean, FormatFactory)}, with
     * {@code engine} answering instead of the server's (a route's wrapper around it, e.g. RAG).
     */
    public static void begin(ServerContext server, Engine engine, HttpServerRequest request, ChatRequest clientRequest,
            boolean stream, FormatFactory formats) {
        String sentModel = clientRequest.model();
        Fault fault = server.faults().claimForChat(sentModel);
        ChatRequest engineRequest = clientRequest;
        if (server.faults().isFaultModel(sentModel) && !Routes.serves(server, sentModel)) {
            engineRequest = clientRequest.withModel(null); // the engine answers as for its default model
        }
        if (fault instanceof Fault.Status) {
            Fault.Status s = (Fault.Status) fault;
            ErrorReplies.send(request.response(), request.path(), s.status(), s.message(), s.retryAfter());
            return;
        }
        if (!server.chatStarted()) { // issue 16, finding 1: a cap on concurrent chat answers
            ErrorReplies.send(request.response(), request.path(), 503, "the server is answering "
                    + server.limits().maxStreams() + " chats already; retry later", ConnectionGuard.retryAfter(server.limits()));
            return;
        }
        String model = sentModel != null ? sentModel : server.defaultModel();
        AccessLog.model(request, model);
        new ChatExchange(server, engine, request, engineRequest, stream, formats, fault, model).start();
    }

    private void start() {
        response.closeHandler(v -> clientGone());
        if (fault instanceof Fault.StallBeforeFirstByte) {
            long ms = Math.max(1, ((Fault.StallBeforeFirstByte) fault).stall().toMillis());
            stallTimer = server.vertx().setTimer(ms, t -> {
                stallTimer = -1;
                callEngine();
            });
        } else {
            callEngine();
        }
    }

    private void callEngine() {
        if (over) {
            return;
        }
        if (stream) {
            streamCounted = true;
            server.streamOpened();
        }
        // Engine work never runs on an event loop (issue 16, finding 2): chat() is called on a worker.
        server.vertx().executeBlocking(() -> {
            EngineCall started = engine.chat(engineRequest, this);
            handOver.callStarted(started); // at once, so that back-pressure can pause it before the loop hears of it
            return started;
        }, false).onComplete(result -> {
            if (result.succeeded()) {
                server.callStarted(result.result());
                if (over) { // ended while chat() ran: the call must not outlive the exchange
                    result.result().cancel();
                    server.callEnded(result.result());
                }
            } else if (!over) {
                Throwable e = result.cause();
                if (e instanceof EngineException) {
                    failBeforeOutput(((EngineException) e).status(), e.getMessage(), ((EngineException) e).retryAfter());
                } else {
                    failBeforeOutput(500, "engine failed: " + e, null);
                }
            }
        });
    }

    // EngineSink: from any thread, onto the event loop, in order

    @Override
    public void onEvent(ChatEvent event) {
        handOver.event(event);
    }

    @Override
    public void onComplete() {
        handOver.complete();
    }

    @Override
    public void onError(Throwable error) {
        handOver.error(error);
    }

    // On the event loop, from the hand-over

    private void event(ChatEvent event) {
        if (over) {
            return;
        }
        format.eventArrived();
        if (event instanceof ChatEvent.UsageEvent) {
            AccessLog.usage(request, ((ChatEvent.UsageEvent) event).usage());
        }
        if (!stream) {
            accumulator.accept(event);
            progressed(0);
            return;
        }
        openStream();
        boolean batching = handOver.batching();
        if (batching) {
            pump.hold();
        }
        for (byte[] frame : format.frames(event)) {
            pump.frame(frame);
        }
        if (!batching && !pump.isDone()) {
            progressed(pump.queued());
        }
    }

    private void complete() {
        if (over) {
            return;
        }
        if (!stream) {
            sendWhole();
            return;
        }
        openStream();
        for (byte[] frame : format.closing()) {
            pump.frame(frame);
        }
        pump.end(format.endMarker());
    }

    private void error(Throwable error) {
        if (over) {
            return;
        }
        int status = error instanceof EngineException ? ((EngineException) error).status() : 500;
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        if (pump == null) {
            failBeforeOutput(status, message,
                    error instanceof EngineException ? ((EngineException) error).retryAfter() : null);
        } else {
            pump.fail(format.errorFrame(status, message));
        }
    }

    private void batchEnded() {
        if (pump != null) {
            pump.release(); // writes what the batch queued, as one write where it can
        }
    }

    private void openStream() {
        if (pump != null) {
            return;
        }
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", format.streamContentType())
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        pump = new FramePump(server.vertx(), response, fault, format.malformedFrame(), this,
                server.limits().writeStallTimeout(), request.connection());
        for (byte[] frame : format.opening()) {
            pump.uncounted(frame);
        }
    }

    private void sendWhole() {
        byte[] body = fault instanceof Fault.MalformedChunk ? "{not json".getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : format.whole(accumulator.toResponse(id, model));
        Fault bodyFault = fault;
        if (fault instanceof Fault.DropConnection || fault instanceof Fault.MalformedChunk) {
            bodyFault = fault instanceof Fault.DropConnection ? new Fault.DropConnection(0) : null;
        } else if (fault instanceof Fault.StallMidStream) {
            bodyFault = new Fault.StallMidStream(0, ((Fault.StallMidStream) fault).stall());
        }
        response.setStatusCode(200)
                .putHeader("Content-Type", ErrorReplies.JSON)
                .putHeader("Content-Length", Integer.toString(body.length));
        pump = new FramePump(server.vertx(), response, bodyFault, new byte[0], this, server.limits().writeStallTimeout(), request.connection());
        pump.frame(body);
        pump.end(null);
    }

    private void failBeforeOutput(int status, String message, Duration retryAfter) {
        end();
        if (streamCounted) {
            server.streamClosed(false, false);
        }
        ErrorReplies.send(response, request.path(), status, message, retryAfter);
    }

    private void clientGone() {
        if (over) {
            return;
        }
        if (pump != null) {
            pump.clientGone(); // reports CANCELLED through finished()
        } else {
            end();
            if (streamCounted) {
                server.streamClosed(false, true);
            }
        }
    }

    // FramePump.Listener

    @Override
    public void finished(FramePump.Outcome outcome) {
        end();
        if (streamCounted) {
            server.streamClosed(outcome == FramePump.Outcome.COMPLETED, outcome == FramePump.Outcome.CANCELLED);
        }
    }

    /**
     * Back-pressure: more than {@value EngineHandOver#HIGH_WATER} frames or events waiting pauses a
     * {@link dev.switchboard.server.engine.PausableEngineCall}; {@value EngineHandOver#LOW_WATER} or
     * fewer of both resumes it.
     */
    @Override
    public void progressed(int queued) {
        handOver.progressed(queued);
    }

    /** Marks the exchange over and stops the engine and any stall timer. */
    private void end() {
        if (!over) {
            server.chatEnded();
        }
        over = true;
        if (stallTimer >= 0) {
            server.vertx().cancelTimer(stallTimer);
            stallTimer = -1;
        }
        EngineCall call = handOver.call();
        if (call != null) {
            call.cancel(); // idempotent; a finished call ignores it
            server.callEnded(call);
        }
    }
}
