package dev.switchboard.server.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.Usage;
import dev.switchboard.server.internal.Conversation;
import dev.switchboard.server.internal.ScriptRules;
import dev.switchboard.server.internal.ScriptedAnswer;
import dev.switchboard.server.internal.ScriptedCall;
import dev.switchboard.server.internal.TrigramEmbedder;
import dev.switchboard.server.internal.Words;

/**
 * A deterministic engine for tests and offline demos: the same request always gets the same
 * answer, split into the same chunks. Its rules are documented in the server README (tool calls
 * when a user names an offered tool, answers from tool results, remembered "my NAME is VALUE"
 * facts, a fixed Unicode answer, otherwise "You said: ..."; reasoning on the reasoning models; a
 * word is a token for {@code max_tokens} and usage; hashed-trigram embeddings).
 *
 * <p>Answers are played on one shared daemon scheduler thread per engine, with {@code chunkDelay}
 * before each text, reasoning or tool-call chunk; no thread per answer. The rules run on that
 * thread too, never in {@link #chat}, and are linear in the conversation's length; each chunk is
 * made as it is played, so a long answer is never held whole as events. The sink is never called
 * from inside {@link #chat}. Thread-safe. Usable without a server.
 */
public final class ScriptedEngine implements Engine {

    /** The default chat model. */
    public static final String MODEL = "scripted";
    /** A model that reasons, carried on {@code /v1} as {@code reasoning_content}. */
    public static final String MODEL_REASONING_CONTENT = "scripted-reasoning-content";
    /** A model that reasons, carried on {@code /v1} as {@code reasoning}. */
    public static final String MODEL_REASONING = "scripted-reasoning";
    /** A model that reasons, carried on {@code /v1} as {@code <think>} tags in content. */
    public static final String MODEL_THINK_TAGS = "scripted-think-tags";
    /** The embedding model. */
    public static final String EMBEDDING_MODEL = "scripted-embed";
    /** The length of its embedding vectors. */
    public static final int EMBEDDING_DIMENSION = 256;

    /** The {@code created} of every listed model: 2026-01-01T00:00:00Z, fixed so answers never depend on the clock. */
    static final long CREATED = 1_767_225_600L;
    private static final String OWNER = "switchboard";
    private static final Set<String> REASONING_MODELS = Set.of(MODEL_REASONING_CONTENT, MODEL_REASONING, MODEL_THINK_TAGS);
    private static final Set<String> CHAT_MODELS = Set.of(MODEL, MODEL_REASONING_CONTENT, MODEL_REASONING, MODEL_THINK_TAGS);
    private static final AtomicInteger ENGINES = new AtomicInteger();

    private final int wordsPerChunk;
    private final Duration chunkDelay;
    private final ScheduledThreadPoolExecutor scheduler;

    /** An engine with one word per chunk and no delay. */
    public ScriptedEngine() {
        this(1, Duration.ZERO);
    }

    /**
     * @param wordsPerChunk how many words (with their following space) go in one chunk; 1 or more
     * @param chunkDelay    the pause before each chunk; zero for none
     * @throws IllegalArgumentException if {@code wordsPerChunk} is below 1 or {@code chunkDelay}
     *                                  is null or negative
     */
    public ScriptedEngine(int wordsPerChunk, Duration chunkDelay) {
        if (wordsPerChunk < 1) {
            throw new IllegalArgumentException("wordsPerChunk must be 1 or more, was " + wordsPerChunk);
        }
        if (chunkDelay == null || chunkDelay.isNegative()) {
            throw new IllegalArgumentException("chunkDelay must be zero or positive, was " + chunkDelay);
        }
        this.wordsPerChunk = wordsPerChunk;
        this.chunkDelay = chunkDelay;
        String name = "scripted-engine-" + ENGINES.incrementAndGet();
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Words per chunk, as constructed. */
    public int wordsPerChunk() {
        return wordsPerChunk;
    }

    /** The pause before each chunk, as constructed. */
    public Duration chunkDelay() {
        return chunkDelay;
    }

    /** The four chat models and {@link #EMBEDDING_MODEL}, owned by {@code "switchboard"}, created 2026-01-01. */
    @Override
    public List<ModelInfo> models() {
        return List.of(new ModelInfo(MODEL, OWNER, CREATED),
                new ModelInfo(MODEL_REASONING_CONTENT, OWNER, CREATED),
                new ModelInfo(MODEL_REASONING, OWNER, CREATED),
                new ModelInfo(MODEL_THINK_TAGS, OWNER, CREATED),
                new ModelInfo(EMBEDDING_MODEL, OWNER, CREATED));
    }

    /**
     * Plays the scripted answer to {@code sink} and returns at once with a {@link PausableEngineCall}.
     *
     * @throws EngineException     404 {@code model 'x' not found} for a model it does not serve
     *                             (null means {@link #MODEL}); 400 for {@link #EMBEDDING_MODEL},
     *                             which does not chat; 503 after {@link #close()}
     * @throws NullPointerException if an argument is null
     */
    @Override
    public EngineCall chat(ChatRequest request, EngineSink sink) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        String model = request.model() == null ? MODEL : request.model();
        if (EMBEDDING_MODEL.equals(model)) {
            throw new EngineException(400, "\"" + model + "\" does not support chat");
        }
        if (!CHAT_MODELS.contains(model)) {
            throw EngineException.modelNotFound(model);
        }
        if (scheduler.isShutdown()) {
            throw new EngineException(503, "the scripted engine is closed");
        }
        boolean reasons = REASONING_MODELS.contains(model);
        ScriptedCall call = new ScriptedCall(() -> answer(request, reasons), sink, scheduler, chunkDelay.toNanos());
        call.start();
        return call;
    }

    /**
     * The events this engine plays for {@code request}, in order, without delays: what {@link #chat}
     * sends to its sink, ending with a {@link ChatEvent.UsageEvent} and a {@link ChatEvent.Finish}.
     * Deterministic. Works after {@link #close()} too.
     *
     * @throws EngineException     404 for a model it does not serve, 400 for {@link #EMBEDDING_MODEL}
     * @throws NullPointerException if {@code request} is null
     */
    public List<ChatEvent> events(ChatRequest request) {
        String model = request.model() == null ? MODEL : request.model();
        if (!CHAT_MODELS.contains(model)) {
            throw EMBEDDING_MODEL.equals(model) ? new EngineException(400, "\"" + model + "\" does not support chat")
                    : EngineException.modelNotFound(model);
        }
        List<ChatEvent> events = new ArrayList<>();
        ScriptedAnswer answer = answer(request, REASONING_MODELS.contains(model));
        while (answer.hasNext()) {
            events.add(answer.next().event());
        }
        return events;
    }

    /** The answer's steps, made as they are played (see {@link ScriptedAnswer}); the rules run here. */
    private ScriptedAnswer answer(ChatRequest request, boolean reasons) {
        ScriptRules.Answer answer = ScriptRules.answer(request, reasons);
        return new ScriptedAnswer(answer, request.maxTokens(), wordsPerChunk, Conversation.totalWords(request.messages()));
    }

    /**
     * Embeds each input with hashed character trigrams into {@link #EMBEDDING_DIMENSION} floats,
     * L2-normalised; usage counts the input words. No I/O, no thread.
     *
     * @throws EngineException 404 {@code model "x" not found, try pulling it first} (Ollama's wording)
     *                         for any model but {@link #EMBEDDING_MODEL} or null
     */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        String model = request.model() == null ? EMBEDDING_MODEL : request.model();
        if (!EMBEDDING_MODEL.equals(model)) {
            throw new EngineException(404, "model \"" + model + "\" not found, try pulling it first");
        }
        List<float[]> vectors = new ArrayList<>();
        int words = 0;
        for (String text : request.input()) {
            vectors.add(TrigramEmbedder.embed(text, EMBEDDING_DIMENSION));
            words += Words.count(text);
        }
        return new EmbeddingResponse(model, vectors, Usage.of(words, 0));
    }

    /**
     * {@link ReasoningShape#REASONING} for {@link #MODEL_REASONING}, {@link ReasoningShape#THINK_TAGS}
     * for {@link #MODEL_THINK_TAGS}, {@link ReasoningShape#REASONING_CONTENT} for every other name.
     */
    @Override
    public ReasoningShape reasoningShape(String model) {
        if (MODEL_REASONING.equals(model)) {
            return ReasoningShape.REASONING;
        }
        if (MODEL_THINK_TAGS.equals(model)) {
            return ReasoningShape.THINK_TAGS;
        }
        return ReasoningShape.REASONING_CONTENT;
    }

    /** Healthy until {@link #close()}; then unavailable, "the scripted engine is closed". */
    @Override
    public EngineHealth health() {
        return scheduler.isShutdown() ? EngineHealth.unavailable("the scripted engine is closed") : EngineHealth.ok();
    }

    /** Stops the scheduler: answers being played stop without completing; later {@link #chat} calls get 503. Idempotent. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
