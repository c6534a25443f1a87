package dev.switchboard.server.internal.llama;

import java.util.concurrent.atomic.AtomicLong;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaOutput;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.Usage;
import dev.switchboard.server.engine.EngineException;

/**
 * Generates the llama.cpp engine's chat answers, one at a time on the engine thread: renders the
 * prompt, checks it against the context, maps the request to llama.cpp's inference parameters,
 * and streams the pieces to the {@link LlamaCall} as text deltas, cut at stop sequences, then
 * usage and the finish reason. {@link #refuseUnsupported} says beforehand what it cannot do.
 */
public final class Generator {

    private final LoadedModel model;
    private final EngineQueue queue;
    private final int contextSize;
    private final Integer defaultMaxTokens;
    private final AtomicLong generated = new AtomicLong();
    private volatile LlamaCall current;

    /**
     * @param model            the model to generate with
     * @param queue            the queue the answers run on (a closed queue fails an answer not yet begun)
     * @param contextSize      the context in tokens, prompt and answer together
     * @param defaultMaxTokens {@code max_tokens} for requests that set none; null for no limit
     *                         but the context
     */
    public Generator(LoadedModel model, EngineQueue queue, int contextSize, Integer defaultMaxTokens) {
        this.model = model;
        this.queue = queue;
        this.contextSize = contextSize;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /**
     * Refuses, before queueing, what this engine cannot generate for {@code modelName}.
     *
     * @throws EngineException 400 for tools ({@code <model> does not support tools}, Ollama's
     *                         wording) or a {@code response_format} other than text
     */
    public static void refuseUnsupported(ChatRequest request, String modelName) {
        if (!request.tools().isEmpty()) {
            // worded like Ollama's refusal ("<model> does not support tools"), which clients recognise
            throw new EngineException(400, modelName + " does not support tools: the llama.cpp engine renders"
                    + " messages with the model's chat template, without tool definitions");
        }
        if (request.responseFormat() != null && !(request.responseFormat() instanceof ResponseFormat.Text)) {
            throw new EngineException(400, "response_format " + request.responseFormat()
                    + " is not supported by the llama.cpp engine; only text");
        }
    }

    /** Completion tokens generated so far, over all answers, cancelled ones up to where they stopped. */
    public long generatedTokens() {
        return generated.get();
    }

    /**
     * Ends the answer being generated, if any, because the engine closes: its caller hears a 503
     * "the llama.cpp engine is closed" (without it, a stream whose engine closed under it waited
     * forever), and generation stops at its next token.
     */
    public void cancelRunning() {
        LlamaCall running = current;
        if (running != null) {
            running.fail(EngineQueue.closedException());
            running.cancel();
        }
    }

    /**
     * Generates one answer; call on the engine thread. {@code release} frees this request's place
     * before the sink hears the end, so a client that sends its next request as soon as it has the
     * answer is never refused as busy because of its own previous request. Failures reach the
     * call: 503 if the queue closed first, 400 for a prompt that fills the context, 500 for a
     * template or llama.cpp failure.
     */
    public void run(ChatRequest request, LlamaCall call, Runnable release) {
        if (call.cancelled()) {
            return;
        }
        if (queue.isClosed()) {
            release.run();
            call.fail(EngineQueue.closedException());
            return;
        }
        current = call;
        try {
            String prompt = model.render(request);
            int promptTokens = model.countPrompt(prompt);
            if (promptTokens >= contextSize) {
                release.run();
                call.fail(new EngineException(400, "the prompt is " + promptTokens + " tokens, but the context holds "
                        + contextSize + "; shorten the conversation or serve the model with a larger context"));
                return;
            }
            int room = contextSize - promptTokens;
            Integer asked = request.maxTokens() != null ? request.maxTokens() : defaultMaxTokens;
            int budget = asked == null ? room : Math.min(asked, room);
            StopMatcher stops = new StopMatcher(request.stop());
            int tokens = 0;
            if (budget > 0) {
                LlamaIterator pieces = model.generate(parameters(request, prompt, budget));
                while (pieces.hasNext()) {
                    LlamaOutput piece = pieces.next();
                    if (!call.awaitResumed()) {
                        cancelQuietly(pieces);
                        return;
                    }
                    if (piece.text.isEmpty()) {
                        continue;
                    }
                    tokens++;
                    generated.incrementAndGet();
                    String text = stops.accept(piece.text);
                    if (!text.isEmpty() && !call.emit(new ChatEvent.TextDelta(text))) {
                        cancelQuietly(pieces);
                        return;
                    }
                    if (stops.stopped()) {
                        cancelQuietly(pieces);
                        break;
                    }
                }
            }
            String rest = stops.flush();
            if (!rest.isEmpty()) {
                call.emit(new ChatEvent.TextDelta(rest));
            }
            FinishReason reason = !stops.stopped() && tokens >= budget ? FinishReason.LENGTH : FinishReason.STOP;
            call.emit(new ChatEvent.UsageEvent(Usage.of(promptTokens, tokens)));
            call.emit(new ChatEvent.Finish(reason));
            release.run();
            call.complete();
        } catch (EngineException e) {
            release.run();
            call.fail(e);
        } catch (RuntimeException e) {
            release.run();
            call.fail(new EngineException(500, "llama.cpp failed: " + e.getMessage()));
        } finally {
            current = null;
        }
    }

    /**
     * llama.cpp's parameters for {@code request}: {@code prompt}, at most {@code budget} tokens,
     * the prompt cache on; {@code temperature} and {@code top_p} when set (else llama.cpp's
     * defaults), and {@code seed} when set, its low 31 bits.
     */
    static InferenceParameters parameters(ChatRequest request, String prompt, int budget) {
        InferenceParameters parameters = new InferenceParameters(prompt).setNPredict(budget).setCachePrompt(true);
        if (request.temperature() != null) {
            parameters.setTemperature(request.temperature().floatValue());
        }
        if (request.topP() != null) {
            parameters.setTopP(request.topP().floatValue());
        }
        if (request.seed() != null) {
            parameters.setSeed((int) (request.seed() & 0x7fffffffL));
        }
        return parameters;
    }

    private static void cancelQuietly(LlamaIterator pieces) {
        try {
            pieces.cancel();
        } catch (RuntimeException ignored) {
            // the task had already ended
        }
    }
}
