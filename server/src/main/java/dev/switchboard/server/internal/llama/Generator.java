package dev.switchboard.server.internal.llama;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaOutput;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.AutoToolChoice;

/**
 * Generates the llama.cpp engine's chat answers, one at a time on the engine thread: renders the
 * prompt (with the tools the {@link OutputPlan} offers), checks it against the context, maps the
 * request to llama.cpp's inference parameters, and streams the pieces to the {@link LlamaCall} as
 * text deltas, cut at stop sequences, or generates a tool call under a grammar; then usage and the
 * finish reason. {@link #plan} refuses beforehand what it cannot do.
 */
public final class Generator {

    private final LoadedModel model;
    private final EngineQueue queue;
    private final int contextSize;
    private final Integer defaultMaxTokens;
    private final AutoToolChoice auto;
    private final JsonGrammar grammars;
    private final AtomicLong generated = new AtomicLong();
    private volatile LlamaCall current;

    /**
     * @param model            the model to generate with
     * @param queue            the queue the answers run on (a closed queue fails an answer not yet begun)
     * @param contextSize      the context in tokens, prompt and answer together
     * @param defaultMaxTokens {@code max_tokens} for free text of requests that set none; null
     *                         for no limit but the context
     * @param auto             how {@code tool_choice} {@code auto} decides
     * @param grammars         how constrained output is bounded
     */
    public Generator(LoadedModel model, EngineQueue queue, int contextSize, Integer defaultMaxTokens,
            AutoToolChoice auto, JsonGrammar grammars) {
        this.auto = auto;
        this.grammars = grammars;
        this.model = model;
        this.queue = queue;
        this.contextSize = contextSize;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /**
     * Refuses, before queueing, what this engine cannot generate: a bad {@code tool_choice}, a
     * tool whose parameters are not a JSON Schema object.
     *
     * @return the plan for the answer
     * @throws EngineException 400 for a bad {@code tool_choice} or tool parameters
     */
    public OutputPlan plan(ChatRequest request) {
        OutputPlan plan = OutputPlan.of(request, auto, grammars);
        if (!plan.callable().isEmpty()) {
            JsonGrammar.callSchema(plan.callable());
        }
        return plan;
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
     * Generates one answer as {@code plan} says; call on the engine thread. {@code release} frees
     * this request's place before the sink hears the end, so a client that sends its next request
     * as soon as it has the answer is never refused as busy because of its own previous request.
     * Failures reach the call: 503 if the queue closed first, 400 for a prompt that fills the
     * context, 500 for a template or llama.cpp failure.
     *
     * <p>Budgets: free text gets {@code max_tokens}, else the engine's default, else the room left
     * in the context. Constrained output (a tool call, JSON) gets {@code max_tokens} when the request
     * sets it, else the room left: its grammar ends it, and a default cut would leave invalid JSON.
     */
    public void run(ChatRequest request, OutputPlan plan, LlamaCall call, Runnable release) {
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
            String prompt = model.render(request, plan.offered());
            int promptTokens = model.countPrompt(prompt);
            if (promptTokens >= contextSize) {
                release.run();
                call.fail(new EngineException(400, "the prompt is " + promptTokens + " tokens, but the context holds "
                        + contextSize + "; shorten the conversation or serve the model with a larger context"));
                return;
            }
            int room = contextSize - promptTokens;
            Integer asked = request.maxTokens() != null ? request.maxTokens() : defaultMaxTokens;
            int textBudget = asked == null ? room : Math.min(asked, room);
            int constrainedBudget = request.maxTokens() == null ? room : Math.min(request.maxTokens(), room);
            String jsonGrammar = plan.responseSchema() == null ? null : grammars.grammar(plan.responseSchema());
            Pass pass;
            if (plan.kind() == OutputPlan.Kind.CALL) {
                pass = toolCall(request, plan, prompt, constrainedBudget, call);
            } else if (plan.kind() == OutputPlan.Kind.MODEL_DECIDES) {
                pass = text(request, prompt, null, textBudget, call, new CallOpener(), jsonGrammar != null);
                if (pass != null && pass.verdict == CallOpener.Verdict.CALL) {
                    pass = toolCall(request, plan, prompt, constrainedBudget, call);
                } else if (pass != null && pass.verdict == CallOpener.Verdict.ANSWER && jsonGrammar != null) {
                    pass = text(request, prompt, jsonGrammar, constrainedBudget, call, null, false);
                }
            } else if (jsonGrammar != null) {
                pass = text(request, prompt, jsonGrammar, constrainedBudget, call, null, false);
            } else {
                pass = text(request, prompt, null, textBudget, call, null, false);
            }
            if (pass == null) {
                return;
            }
            call.emit(new ChatEvent.UsageEvent(Usage.of(promptTokens, pass.tokens)));
            call.emit(new ChatEvent.ExtensionsEvent(Map.of("timings",
                    timings(promptTokens, pass.tokens, pass.started, pass.first, pass.ended))));
            call.emit(new ChatEvent.Finish(pass.reason));
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
     * One generation's result: its tokens, its finish reason, for a watched start the verdict, and
     * when it started, produced its first piece and ended ({@link System#nanoTime()}).
     */
    private record Pass(int tokens, FinishReason reason, CallOpener.Verdict verdict, long started, long first,
            long ended) {
    }

    /** Times one generation: its start, its first piece and its end. */
    private static final class Clock {
        final long started = System.nanoTime();
        long first;

        void piece() {
            if (first == 0) {
                first = System.nanoTime();
            }
        }

        Pass pass(int tokens, FinishReason reason, CallOpener.Verdict verdict) {
            long ended = System.nanoTime();
            return new Pass(tokens, reason, verdict, started, first == 0 ? ended : first, ended);
        }
    }

    /**
     * llama-server's {@code timings} for {@code pass}, in its field order
     * ({@code llama-server-transcripts/06-chat-stream-usage.txt}): {@code prompt_n} the prompt's tokens
     * and {@code prompt_ms} the time until the first piece (prompt evaluation plus the first token's
     * decode: java-llama.cpp reports no finer split); {@code predicted_n} the completion tokens and
     * {@code predicted_ms} the time from the first piece to the end. {@code cache_n} (prompt tokens
     * reused from the cache) is not reported through java-llama.cpp and is left out.
     */
    static Map<String, Object> timings(int promptTokens, int completionTokens, long started, long first, long ended) {
        double promptMs = (first - started) / 1e6;
        double predictedMs = (ended - first) / 1e6;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("prompt_n", promptTokens);
        t.put("prompt_ms", promptMs);
        t.put("prompt_per_token_ms", promptTokens == 0 ? 0.0 : promptMs / promptTokens);
        t.put("prompt_per_second", promptMs <= 0 ? 0.0 : promptTokens * 1000.0 / promptMs);
        t.put("predicted_n", completionTokens);
        t.put("predicted_ms", predictedMs);
        t.put("predicted_per_token_ms", completionTokens == 0 ? 0.0 : predictedMs / completionTokens);
        t.put("predicted_per_second", predictedMs <= 0 ? 0.0 : completionTokens * 1000.0 / predictedMs);
        return t;
    }

    /**
     * Streams text pieces to the call, cut at stop sequences; null if the call was cancelled. With
     * an {@code opener}, pieces are held back until it decides: on a call (or on an answer when
     * {@code answerIsRedone}), the generation stops there and the verdict says why.
     */
    private Pass text(ChatRequest request, String prompt, String grammar, int budget, LlamaCall call,
            CallOpener opener, boolean answerIsRedone) {
        StopMatcher stops = new StopMatcher(request.stop());
        Clock clock = new Clock();
        int tokens = 0;
        CallOpener.Verdict verdict = opener == null ? CallOpener.Verdict.ANSWER : CallOpener.Verdict.UNDECIDED;
        if (budget > 0) {
            LlamaIterator pieces = model.generate(parameters(request, prompt, budget, grammar));
            while (pieces.hasNext()) {
                LlamaOutput piece = pieces.next();
                if (!call.awaitResumed()) {
                    cancelQuietly(pieces);
                    return null;
                }
                if (piece.text.isEmpty()) {
                    continue;
                }
                clock.piece();
                tokens++;
                generated.incrementAndGet();
                String fresh = piece.text;
                if (verdict == CallOpener.Verdict.UNDECIDED) {
                    verdict = opener.accept(piece.text);
                    if (verdict == CallOpener.Verdict.UNDECIDED) {
                        continue;
                    }
                    if (verdict == CallOpener.Verdict.CALL || answerIsRedone) {
                        cancelQuietly(pieces);
                        return clock.pass(tokens, FinishReason.STOP, verdict);
                    }
                    fresh = opener.seen();
                }
                String out = stops.accept(fresh);
                if (!out.isEmpty() && !call.emit(new ChatEvent.TextDelta(out))) {
                    cancelQuietly(pieces);
                    return null;
                }
                if (stops.stopped()) {
                    cancelQuietly(pieces);
                    break;
                }
            }
        }
        String rest = (verdict == CallOpener.Verdict.UNDECIDED ? opener.seen() : "") + stops.flush();
        if (!rest.isEmpty()) {
            call.emit(new ChatEvent.TextDelta(rest));
        }
        FinishReason reason = !stops.stopped() && tokens >= budget ? FinishReason.LENGTH : FinishReason.STOP;
        return clock.pass(tokens, reason, CallOpener.Verdict.ANSWER);
    }

    /**
     * Generates a call under the grammar of {@code plan}'s callable tools and hands it to the call
     * as one {@link ChatEvent.ToolCallEvent} (finish {@code tool_calls}); null if cancelled. A call
     * cut short by the budget is sent as the text it got to, with finish {@code length}.
     */
    private Pass toolCall(ChatRequest request, OutputPlan plan, String prompt, int budget, LlamaCall call) {
        String grammar = grammars.grammar(JsonGrammar.callSchema(plan.callable()));
        StringBuilder text = new StringBuilder();
        Clock clock = new Clock();
        int tokens = 0;
        if (budget > 0) {
            LlamaIterator pieces = model.generate(parameters(request, prompt, budget, grammar));
            while (pieces.hasNext()) {
                LlamaOutput piece = pieces.next();
                if (!call.awaitResumed()) {
                    cancelQuietly(pieces);
                    return null;
                }
                if (piece.text.isEmpty()) {
                    continue;
                }
                clock.piece();
                tokens++;
                generated.incrementAndGet();
                text.append(piece.text);
            }
        }
        ToolCall parsed = ToolCallText.parse(text.toString(), plan.callable());
        if (parsed == null) {
            if (text.length() > 0 && !call.emit(new ChatEvent.TextDelta(text.toString()))) {
                return null;
            }
            return clock.pass(tokens, tokens >= budget ? FinishReason.LENGTH : FinishReason.STOP, CallOpener.Verdict.CALL);
        }
        if (!call.emit(new ChatEvent.ToolCallEvent(0, parsed))) {
            return null;
        }
        return clock.pass(tokens, FinishReason.TOOL_CALLS, CallOpener.Verdict.CALL);
    }

    /**
     * llama.cpp's parameters for {@code request}: {@code prompt}, at most {@code budget} tokens,
     * the prompt cache on; the grammar when not null; {@code temperature} and {@code top_p} when set (else llama.cpp's
     * defaults), and {@code seed} when set, its low 31 bits.
     */
    static InferenceParameters parameters(ChatRequest request, String prompt, int budget, String grammar) {
        InferenceParameters parameters = new InferenceParameters(prompt).setNPredict(budget).setCachePrompt(true);
        if (grammar != null) {
            parameters.setGrammar(grammar);
        }
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
