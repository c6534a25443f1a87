package dev.switchboard.server.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.server.gguf.DemoModel;
import dev.switchboard.server.gguf.GgufFile;
import dev.switchboard.server.internal.llama.EngineQueue;
import dev.switchboard.server.internal.llama.Generator;
import dev.switchboard.server.internal.llama.JsonGrammar;
import dev.switchboard.server.internal.llama.OutputPlan;
import dev.switchboard.server.internal.llama.LlamaCall;
import dev.switchboard.server.internal.llama.LoadedModel;
import dev.switchboard.server.internal.llama.ModelFiles;
import dev.switchboard.server.internal.llama.ModelProbe;

/**
 * Real inference in-process: any GGUF model served through llama.cpp (java-llama.cpp 4.2.0, JNI),
 * behind the same {@code /v1} and {@code /api} routes as every engine.
 *
 * <pre>{@code
 * try (SwitchboardServer server = SwitchboardServer.start(LlamaCppEngine.builder(Path.of("model.gguf")).build())) {
 *     ...
 * }
 * }</pre>
 *
 * <p><b>What a request gets.</b> The conversation rendered with the model's own chat template
 * (system, user and assistant turns; tool results become user turns), text streamed piece by
 * piece as llama.cpp decodes it, {@code prompt_tokens} counted by the model's tokenizer on the
 * rendered prompt (plus BOS when the model adds one), {@code completion_tokens} one per streamed
 * piece (llama.cpp sends a token whose text ends inside a UTF-8 character together with the next
 * one, so such a character counts once), finish {@code length} when {@code max_tokens} or the
 * context ran out, else {@code stop}; stop sequences (cut in Java, never sent); {@code seed},
 * {@code temperature} (0 = greedy; unset: llama.cpp's 0.8) and {@code top_p}. Embeddings use a
 * second instance of the model, loaded on first use, pooling the last token's hidden state and
 * L2-normalised by llama.cpp: one vector of {@link #embeddingDimension()} floats per input.
 *
 * <p><b>Tools and structured output.</b> {@code tools} with {@code tool_choice} {@code auto}
 * (default), {@code none}, {@code required} or a named function: the tools are described by the
 * model's own template when it takes tools (with {@link Builder#jinja(boolean)}), else by a fallback
 * system prompt; a call is sampled under a grammar built by llama.cpp from the tools' JSON Schemas,
 * so its arguments always follow the schema, and leaves as one {@code ToolCallEvent} with finish
 * {@code tool_calls}. With {@code auto}, {@link AutoToolChoice} says who decides. A
 * {@code response_format} {@code json_object} or {@code json_schema} (Ollama's {@code format})
 * constrains the answer the same way.
 *
 * <p><b>One request at a time.</b> One llama.cpp context serves one generation: requests run in
 * order on one engine thread, never interleaved; up to {@link Builder#queueCapacity(int)} wait;
 * beyond that a request gets 503 with {@code Retry-After}. A client that disconnects cancels its
 * generation at the next token. The engine pauses generation while a slow client catches up.
 *
 * <p><b>Guarded native paths.</b> llama.cpp aborts the whole process on some bad files,
 * templates and inputs. Before the native side sees a model, {@link Builder#build()} reads the
 * GGUF with our own reader ({@link GgufFile}), then loads it once in a short-lived child JVM that
 * also renders its template and generates a token; a crash there is a {@link ModelLoadException}
 * here, and this JVM lives on. Per request, the prompt's length is checked against the context
 * before generating, user text never passes through the template engine, and MEAN pooling is
 * never used. Generation itself runs in this process: a native fault during it is not isolated.
 *
 * <p><b>Shutting down.</b> {@link #close()} stops generation and frees both model instances.
 * java-llama.cpp leaves one non-daemon native thread per loaded model, so a {@code main} that
 * used this engine must end with {@code System.exit}.
 */
public final class LlamaCppEngine implements Engine {

    /** The bound the demo builder sets on JSON repetitions ({@link Builder#jsonRepeatBound(int)}). */
    public static final int DEMO_JSON_REPEAT_BOUND = 12;

    private final Path modelFile;
    private final String modelName;
    private final GgufFile gguf;
    private final int contextSize;
    private final long created;
    private final EngineQueue queue;
    private final LoadedModel model;
    private final Generator generator;

    private LlamaCppEngine(Builder b, GgufFile gguf, int contextSize) {
        this.modelFile = b.modelFile;
        this.modelName = b.modelName != null ? b.modelName : ModelFiles.defaultName(b.modelFile);
        this.gguf = gguf;
        this.contextSize = contextSize;
        this.created = ModelFiles.lastModifiedSeconds(b.modelFile);
        this.queue = new EngineQueue("llama-cpp-engine " + modelName, b.queueCapacity, b.retryAfter);
        this.model = LoadedModel.load(queue, modelFile, gguf, contextSize, b.jinja, b.threads);
        this.generator = new Generator(model, queue, contextSize, b.defaultMaxTokens, b.autoToolChoice,
                new JsonGrammar(b.jsonRepeatBound));
    }

    /**
     * A builder for {@code modelFile}, a GGUF file.
     *
     * @throws NullPointerException if {@code modelFile} is null
     */
    public static Builder builder(Path modelFile) {
        return new Builder(Objects.requireNonNull(modelFile, "modelFile"));
    }

    /**
     * A builder for the generated demo model ({@link DemoModel}: <b>random weights — text is not
     * meaningful</b>) with {@code seed}, written into {@code directory} if not already there, served
     * as {@value DemoModel#MODEL_NAME} with a default {@code max_tokens} of
     * {@value DemoModel#DEFAULT_MAX_TOKENS} (it never stops by itself), a 2,048-token context and
     * one thread (the model is too small to gain from splitting its work: measured about 2.8 times as
     * fast as on two threads, see the server README), {@code tool_choice} {@code auto} decided by
     * {@link AutoToolChoice#LAST_MESSAGE} (its first tokens mean nothing) and JSON bounded to
     * {@value #DEMO_JSON_REPEAT_BOUND} repetitions (its weights never choose to close a string), so
     * its calls and JSON answers are well-formed, short and not sensible.
     *
     * @throws java.io.UncheckedIOException if the model cannot be written
     */
    public static Builder demo(Path directory, long seed) {
        return builder(DemoModel.ensure(directory, seed)).modelName(DemoModel.MODEL_NAME)
                .defaultMaxTokens(DemoModel.DEFAULT_MAX_TOKENS).contextSize(DemoModel.CONTEXT_LENGTH).threads(1)
                .autoToolChoice(AutoToolChoice.LAST_MESSAGE).jsonRepeatBound(DEMO_JSON_REPEAT_BOUND);
    }

    /** The one model served: its name, owner {@code llama.cpp}, and the file's modification time. */
    @Override
    public List<ModelInfo> models() {
        return List.of(new ModelInfo(modelName, "llama.cpp", created));
    }

    /** The name the model is served under. */
    public String modelName() {
        return modelName;
    }

    /** The GGUF file served. */
    public Path modelFile() {
        return modelFile;
    }

    /** The context size in tokens: prompt and answer together. */
    public int contextSize() {
        return contextSize;
    }

    /** The length of embedding vectors: the model's {@code embedding_length}. */
    public int embeddingDimension() {
        return gguf.embeddingLength().orElse(0L).intValue();
    }

    /**
     * Completion tokens generated since the engine started, over all requests (including those
     * cancelled midway, up to the token at which they stopped).
     */
    public long generatedTokens() {
        return generator.generatedTokens();
    }

    /** One line for people: what is served, from which file, how. */
    public String description() {
        return "llama.cpp (java-llama.cpp 4.2.0) serving '" + modelName + "' from " + modelFile
                + " (" + gguf.architecture().orElse("?") + ", " + embeddingDimension() + "-dim, context "
                + contextSize + " tokens" + (gguf.chatTemplate().isEmpty() ? ", no chat template: ChatML" : "") + ")";
    }

    /**
     * The prompt tokens {@code request} would use, as its answer's usage reports them: the rendered
     * prompt tokenized by the model, plus BOS if the model adds one. Waits its turn behind running
     * requests.
     *
     * @throws EngineException 503 if the engine is closed or busy; 400 for a bad {@code tool_choice}
     */
    public int promptTokens(ChatRequest request) {
        OutputPlan plan = generator.plan(request);
        return queue.call(() -> model.countPrompt(model.render(request, plan.offered())));
    }

    /**
     * The tokens the model's tokenizer makes of {@code text} (special tokens such as
     * {@code <|im_end|>} recognised, no BOS added). Waits its turn behind running requests.
     *
     * @throws EngineException 503 if the engine is closed or busy
     */
    public int countTokens(String text) {
        return queue.call(() -> model.countTokens(text));
    }

    /**
     * Starts generating on the engine thread, or queues the request behind the running one.
     *
     * @throws EngineException 404 for a model other than {@link #modelName()}; 400 for a bad
     *                         {@code tool_choice} ({@code Invalid tool_choice: …}, llama-server's
     *                         words) or tool parameters that are not a JSON object, and (when
     *                         generation starts) for a schema llama.cpp cannot turn into a grammar;
     *                         503 with {@code Retry-After} when the queue is full or the engine is closed
     */
    @Override
    public EngineCall chat(ChatRequest request, EngineSink sink) {
        if (request.model() != null && !request.model().equals(modelName)) {
            throw EngineException.modelNotFound(request.model());
        }
        OutputPlan plan = generator.plan(request);
        LlamaCall call = new LlamaCall(sink);
        queue.submit(release -> generator.run(request, plan, call, release));
        return call;
    }

    /**
     * Embeds each input with the model's last-token hidden state ({@link #embeddingDimension()}
     * floats, L2-normalised), in input order. Blocks until its turn and the vectors are ready;
     * loads the embedding instance of the model on first use.
     *
     * @throws EngineException 404 for another model; 400 for an input longer than the context, or
     *                         empty when the model adds no BOS; 503 when busy or closed
     */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        if (request.model() != null && !request.model().equals(modelName)) {
            throw new EngineException(404, "model \"" + request.model() + "\" not found, try pulling it first");
        }
        return queue.call(() -> model.embed(request, modelName));
    }

    /** {@link ReasoningShape#REASONING_CONTENT}, as llama-server; this engine does not split reasoning out. */
    @Override
    public ReasoningShape reasoningShape(String model) {
        return ReasoningShape.REASONING_CONTENT;
    }

    /** Healthy once loaded (which {@code build()} does) until {@link #close()}; then unavailable. */
    @Override
    public EngineHealth health() {
        return queue.isClosed() ? EngineHealth.unavailable("the llama.cpp engine is closed") : EngineHealth.ok();
    }

    /**
     * Cancels the running generation, fails queued requests with 503, frees both model instances
     * and stops the engine thread (waiting up to 10 s). Idempotent. The native threads
     * java-llama.cpp started stay behind (see the class comment).
     */
    @Override
    public void close() {
        if (!queue.markClosed()) {
            return;
        }
        generator.cancelRunning();
        queue.shutdown(model::close);
    }

    /** Configures and loads a {@link LlamaCppEngine}. */
    public static final class Builder {
        private final Path modelFile;
        private String modelName;
        private Integer contextSize;
        private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int queueCapacity = 4;
        private Integer defaultMaxTokens;
        private boolean jinja;
        private boolean probe = true;
        private Duration probeTimeout = Duration.ofSeconds(120);
        private Duration retryAfter = Duration.ofSeconds(1);
        private AutoToolChoice autoToolChoice = AutoToolChoice.MODEL;
        private int jsonRepeatBound;

        private Builder(Path modelFile) {
            this.modelFile = modelFile;
        }

        /** The name to serve the model under; default the file name without {@code .gguf}. */
        public Builder modelName(String modelName) {
            this.modelName = Objects.requireNonNull(modelName, "modelName");
            return this;
        }

        /**
         * Context size in tokens (prompt and answer together); default the model's trained
         * {@code context_length}, at most 4,096.
         *
         * @throws IllegalArgumentException below 16
         */
        public Builder contextSize(int contextSize) {
            if (contextSize < 16) {
                throw new IllegalArgumentException("contextSize must be 16 or more, was " + contextSize);
            }
            this.contextSize = contextSize;
            return this;
        }

        /**
         * CPU threads for generation; default the number of cores, at most 4.
         *
         * @throws IllegalArgumentException below 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * How many requests may wait behind the running one; default 4. Beyond that a request
         * gets 503 with {@code Retry-After}. 0 rejects every request while one runs.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder queueCapacity(int queueCapacity) {
            if (queueCapacity < 0) {
                throw new IllegalArgumentException("queueCapacity must not be negative, was " + queueCapacity);
            }
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * {@code max_tokens} for requests that set none; null (default) generates until the model
         * stops or the context is full.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder defaultMaxTokens(Integer defaultMaxTokens) {
            if (defaultMaxTokens != null && defaultMaxTokens < 0) {
                throw new IllegalArgumentException("defaultMaxTokens must not be negative, was " + defaultMaxTokens);
            }
            this.defaultMaxTokens = defaultMaxTokens;
            return this;
        }

        /** Render chat templates with llama.cpp's Jinja engine (minja) instead of its built-in ones; default false. */
        public Builder jinja(boolean jinja) {
            this.jinja = jinja;
            return this;
        }

        /**
         * Whether to load the model in a child JVM first (default true), so that a native crash
         * on it cannot end this JVM. Turn it off only for files known to load.
         */
        public Builder probe(boolean probe) {
            this.probe = probe;
            return this;
        }

        /** How long the child JVM may take to load the model; default 120 s. */
        public Builder probeTimeout(Duration probeTimeout) {
            this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
            return this;
        }

        /** How {@code tool_choice} {@code auto} decides; default {@link AutoToolChoice#MODEL}. */
        public Builder autoToolChoice(AutoToolChoice autoToolChoice) {
            this.autoToolChoice = Objects.requireNonNull(autoToolChoice, "autoToolChoice");
            return this;
        }

        /**
         * Bounds every unbounded repetition in the grammars of tool calls and JSON answers (a
         * string without {@code maxLength}, an array without {@code maxItems}, a free object's
         * members) to {@code bound}, and the whitespace between JSON tokens to one space, so that a
         * model that never chooses to close a string still closes its JSON; 0 (default) leaves the
         * grammars as llama.cpp makes them. The output stays valid against the schema.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder jsonRepeatBound(int bound) {
            if (bound < 0) {
                throw new IllegalArgumentException("jsonRepeatBound must not be negative, was " + bound);
            }
            this.jsonRepeatBound = bound;
            return this;
        }

        /** {@code Retry-After} on a 503 for a full queue; default 1 s. */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
            return this;
        }

        /**
         * Checks the file, probes it in a child JVM (unless turned off), and loads it.
         *
         * @throws ModelLoadException if the file is missing, not a well-formed GGUF, lacks a
         *                            tokenizer, cannot be loaded by llama.cpp, has a chat template
         *                            llama.cpp does not support, or the native library does not
         *                            load here ({@link ModelLoadException#nativeLibraryUnavailable()})
         */
        public LlamaCppEngine build() {
            GgufFile gguf = ModelFiles.read(modelFile);
            int context = contextSize != null ? contextSize : ModelFiles.defaultContextSize(gguf);
            if (probe) {
                ModelProbe.probe(modelFile, context, jinja, probeTimeout);
            }
            return new LlamaCppEngine(this, gguf, context);
        }
    }
}
