package dev.switchboard.server.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.Usage;
import dev.switchboard.server.gguf.DemoModel;
import dev.switchboard.server.gguf.GgufFile;
import dev.switchboard.server.internal.llama.ChatPrompt;
import dev.switchboard.server.internal.llama.LlamaCall;
import dev.switchboard.server.internal.llama.ModelProbe;
import dev.switchboard.server.internal.llama.Natives;
import dev.switchboard.server.internal.llama.ProbeAccess;
import dev.switchboard.server.internal.llama.StopMatcher;

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
 * L2-normalised by llama.cpp: one vector of {@link #embeddingDimension()} floats per input. Not
 * supported (400): {@code tools}, and {@code response_format} JSON.
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

    private final Path modelFile;
    private final String modelName;
    private final GgufFile gguf;
    private final int contextSize;
    private final int threads;
    private final int queueCapacity;
    private final Integer defaultMaxTokens;
    private final boolean jinja;
    private final Duration retryAfter;
    private final long created;
    private final ExecutorService worker;
    private final AtomicInteger pending = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong generated = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LlamaModel llama;
    private volatile LlamaModel embedder;
    private volatile LlamaCall current;

    private LlamaCppEngine(Builder b, GgufFile gguf, int contextSize) {
        this.modelFile = b.modelFile;
        this.modelName = b.modelName != null ? b.modelName : defaultName(b.modelFile);
        this.gguf = gguf;
        this.contextSize = contextSize;
        this.threads = b.threads;
        this.queueCapacity = b.queueCapacity;
        this.defaultMaxTokens = b.defaultMaxTokens;
        this.jinja = b.jinja;
        this.retryAfter = b.retryAfter;
        this.created = lastModifiedSeconds(b.modelFile);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "llama-cpp-engine " + modelName);
            t.setDaemon(true);
            return t;
        });
        try {
            this.llama = worker.submit(this::load).get();
        } catch (ExecutionException e) {
            worker.shutdownNow();
            throw e.getCause() instanceof ModelLoadException m ? m
                    : new ModelLoadException(modelFile, "llama.cpp failed to load it: " + e.getCause(), false);
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
            throw new ModelLoadException(modelFile, "interrupted while loading", false);
        }
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
     * fast as on two threads, see the server README).
     *
     * @throws java.io.UncheckedIOException if the model cannot be written
     */
    public static Builder demo(Path directory, long seed) {
        return builder(DemoModel.ensure(directory, seed)).modelName(DemoModel.MODEL_NAME)
                .defaultMaxTokens(DemoModel.DEFAULT_MAX_TOKENS).contextSize(DemoModel.CONTEXT_LENGTH).threads(1);
    }

    private LlamaModel load() {
        Natives.prepareTmpdir();
        LlamaModel model = new LlamaModel(Natives.parameters(modelFile, contextSize, jinja, threads, false, true));
        try {
            ProbeAccess.render(model, gguf, ProbeAccess.SAMPLE);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw new ModelLoadException(modelFile, ProbeAccess.describe(e), false);
        }
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
        return generated.get();
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
     * @throws EngineException 503 if the engine is closed or busy
     */
    public int promptTokens(ChatRequest request) {
        return onWorker(() -> countPrompt(render(request)));
    }

    /**
     * The tokens the model's tokenizer makes of {@code text} (special tokens such as
     * {@code <|im_end|>} recognised, no BOS added). Waits its turn behind running requests.
     *
     * @throws EngineException 503 if the engine is closed or busy
     */
    public int countTokens(String text) {
        return onWorker(() -> llama.encode(text).length);
    }

    /**
     * Starts generating on the engine thread, or queues the request behind the running one.
     *
     * @throws EngineException 404 for a model other than {@link #modelName()}; 400 for tools
     *                         ({@code <model> does not support tools}, Ollama's wording) or a
     *                         JSON {@code response_format}; 503 with {@code Retry-After} when the
     *                         queue is full or the engine is closed
     */
    @Override
    public EngineCall chat(ChatRequest request, EngineSink sink) {
        if (request.model() != null && !request.model().equals(modelName)) {
            throw EngineException.modelNotFound(request.model());
        }
        if (!request.tools().isEmpty()) {
            // worded like Ollama's refusal ("<model> does not support tools"), which clients recognise
            throw new EngineException(400, modelName + " does not support tools: the llama.cpp engine renders"
                    + " messages with the model's chat template, without tool definitions");
        }
        if (request.responseFormat() != null && !(request.responseFormat() instanceof ResponseFormat.Text)) {
            throw new EngineException(400, "response_format " + request.responseFormat()
                    + " is not supported by the llama.cpp engine; only text");
        }
        LlamaCall call = new LlamaCall(sink);
        submit(release -> generate(request, call, release));
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
        return onWorker(() -> {
            if (embedder == null) {
                embedder = new LlamaModel(Natives.parameters(modelFile, contextSize, jinja, threads, true, true));
            }
            List<float[]> vectors = new ArrayList<>();
            int total = 0;
            for (int i = 0; i < request.input().size(); i++) {
                String text = request.input().get(i);
                int tokens = llama.encode(text).length + (gguf.addsBos() ? 1 : 0);
                if (tokens == 0) {
                    throw new EngineException(400, "input " + i + " is empty, and this model adds no BOS token to embed");
                }
                if (tokens > contextSize) {
                    throw new EngineException(400, "input " + i + " is " + tokens + " tokens; the context holds "
                            + contextSize);
                }
                vectors.add(embedder.embed(text));
                total += tokens;
            }
            return new EmbeddingResponse(modelName, vectors, Usage.of(total, 0));
        });
    }

    /** {@link ReasoningShape#REASONING_CONTENT}, as llama-server; this engine does not split reasoning out. */
    @Override
    public ReasoningShape reasoningShape(String model) {
        return ReasoningShape.REASONING_CONTENT;
    }

    /**
     * Cancels the running generation, fails queued requests with 503, frees both model instances
     * and stops the engine thread (waiting up to 10 s). Idempotent. The native threads
     * java-llama.cpp started stay behind (see the class comment).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LlamaCall running = current;
        if (running != null) {
            running.cancel();
        }
        try {
            worker.execute(() -> {
                llama.close();
                if (embedder != null) {
                    embedder.close();
                }
            });
        } catch (RejectedExecutionException alreadyStopped) {
            // nothing to free
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Generates one answer on the engine thread. {@code release} frees this request's place before
     * the sink hears the end, so a client that sends its next request as soon as it has the answer
     * is never refused as busy because of its own previous request.
     */
    private void generate(ChatRequest request, LlamaCall call, Runnable release) {
        if (call.cancelled()) {
            return;
        }
        if (closed.get()) {
            release.run();
            call.fail(closedException());
            return;
        }
        current = call;
        try {
            String prompt = render(request);
            int promptTokens = countPrompt(prompt);
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
                LlamaIterator pieces = llama.generate(parameters).iterator();
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

    private static void cancelQuietly(LlamaIterator pieces) {
        try {
            pieces.cancel();
        } catch (RuntimeException ignored) {
            // the task had already ended
        }
    }

    private String render(ChatRequest request) {
        List<ChatPrompt.Turn> turns = ChatPrompt.normalise(request.messages());
        try {
            return ProbeAccess.render(llama, gguf, turns);
        } catch (RuntimeException e) {
            throw new EngineException(500, ProbeAccess.describe(e));
        }
    }

    private int countPrompt(String prompt) {
        return llama.encode(prompt).length + (gguf.addsBos() ? 1 : 0);
    }

    private void submit(java.util.function.Consumer<Runnable> job) {
        if (closed.get()) {
            throw closedException();
        }
        if (pending.incrementAndGet() > 1 + queueCapacity) {
            pending.decrementAndGet();
            throw new EngineException(503, "the llama.cpp engine is busy: one request is running and "
                    + queueCapacity + " are waiting; retry later", retryAfter);
        }
        try {
            worker.execute(() -> {
                AtomicBoolean released = new AtomicBoolean();
                Runnable release = () -> {
                    if (released.compareAndSet(false, true)) {
                        pending.decrementAndGet();
                    }
                };
                try {
                    job.accept(release);
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            throw closedException();
        }
    }

    private <T> T onWorker(java.util.concurrent.Callable<T> job) {
        @SuppressWarnings("unchecked")
        T[] result = (T[]) new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        submit(release -> {
            try {
                if (closed.get()) {
                    throw closedException();
                }
                result[0] = job.call();
            } catch (RuntimeException e) {
                failure[0] = e;
            } catch (Exception e) {
                failure[0] = new EngineException(500, "llama.cpp failed: " + e);
            } finally {
                release.run();
                done.countDown();
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(503, "interrupted while waiting for the llama.cpp engine");
        }
        if (failure[0] instanceof EngineException e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new EngineException(500, "llama.cpp failed: " + failure[0].getMessage());
        }
        return result[0];
    }

    private static EngineException closedException() {
        return new EngineException(503, "the llama.cpp engine is closed");
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".gguf") ? name.substring(0, name.length() - 5) : name;
    }

    private static long lastModifiedSeconds(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() / 1000;
        } catch (IOException e) {
            return 0;
        }
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
            if (!Files.isRegularFile(modelFile)) {
                throw new ModelLoadException(modelFile, "no such file", false);
            }
            GgufFile gguf;
            try {
                gguf = GgufFile.read(modelFile);
            } catch (IOException e) {
                String message = String.valueOf(e.getMessage());
                String prefix = modelFile + " ";
                throw new ModelLoadException(modelFile, message.startsWith(prefix) ? message.substring(prefix.length())
                        : message, false);
            }
            if (gguf.architecture().isEmpty()) {
                throw new ModelLoadException(modelFile, "its metadata has no general.architecture", false);
            }
            if (gguf.arrayLength("tokenizer.ggml.tokens").orElse(0L) == 0) {
                throw new ModelLoadException(modelFile, "it has no tokenizer (tokenizer.ggml.tokens)", false);
            }
            if (gguf.embeddingLength().isEmpty()) {
                throw new ModelLoadException(modelFile, "its metadata has no " + gguf.architecture().get()
                        + ".embedding_length", false);
            }
            int context = contextSize != null ? contextSize
                    : (int) Math.max(16, Math.min(4096, gguf.contextLength().orElse(4096L)));
            if (probe) {
                ModelProbe.probe(modelFile, context, jinja, probeTimeout);
            }
            return new LlamaCppEngine(this, gguf, context);
        }
    }
}
