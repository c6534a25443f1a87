package dev.switchboard.server.internal.llama;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.Usage;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.server.gguf.GgufFile;

/**
 * The llama.cpp engine's native model: the instance that renders, tokenizes and generates, and a
 * second instance for embeddings, loaded on first use. Every method but {@link #load} must run on
 * the engine thread ({@link EngineQueue}): one llama.cpp context serves one job at a time.
 */
public final class LoadedModel {

    private final Path modelFile;
    private final GgufFile gguf;
    private final int contextSize;
    private final boolean jinja;
    private final int threads;
    private final LlamaModel llama;
    private volatile LlamaModel embedder;

    private LoadedModel(Path modelFile, GgufFile gguf, int contextSize, boolean jinja, int threads) {
        this.modelFile = modelFile;
        this.gguf = gguf;
        this.contextSize = contextSize;
        this.jinja = jinja;
        this.threads = threads;
        this.llama = open();
    }

    /**
     * Loads {@code modelFile} on {@code queue}'s engine thread, with a context of
     * {@code contextSize} tokens and {@code threads} CPU threads, and renders a sample conversation
     * with its chat template to check it; waits until done. On failure {@code queue} is aborted.
     *
     * @throws ModelLoadException if llama.cpp cannot load the model or render its template, or the
     *                            calling thread is interrupted meanwhile
     */
    public static LoadedModel load(EngineQueue queue, Path modelFile, GgufFile gguf, int contextSize, boolean jinja,
            int threads) {
        try {
            return queue.runFirst(() -> new LoadedModel(modelFile, gguf, contextSize, jinja, threads));
        } catch (ExecutionException e) {
            queue.abort();
            throw e.getCause() instanceof ModelLoadException m ? m
                    : new ModelLoadException(modelFile, "llama.cpp failed to load it: " + e.getCause(), false);
        } catch (InterruptedException e) {
            queue.abort();
            Thread.currentThread().interrupt();
            throw new ModelLoadException(modelFile, "interrupted while loading", false);
        }
    }

    private LlamaModel open() {
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

    /**
     * {@code request}'s conversation rendered with the model's chat template, with {@code offered}
     * tools described as {@link ToolPrompt} says (by the template when it takes tools, else by the
     * fallback prompt); no tools when {@code offered} is empty. A raw prompt
     * ({@link dev.switchboard.server.engine.Engine#RAW_PROMPT}, from {@code /v1/completions}) is its
     * one message's text as it is.
     *
     * @throws EngineException 500 if the template fails or llama.cpp would fall back to ChatML
     */
    public String render(ChatRequest request, List<ToolSpec> offered) {
        if (Boolean.TRUE.equals(request.extensions().get(dev.switchboard.server.engine.Engine.RAW_PROMPT))
                && request.messages().size() == 1
                && request.messages().get(0) instanceof dev.switchboard.core.ChatMessage.UserMessage prompt) {
            return prompt.content();
        }
        List<ChatPrompt.Turn> turns = ChatPrompt.normalise(request.messages());
        String toolsJson = null;
        if (!offered.isEmpty()) {
            if (ToolPrompt.templateTakesTools(gguf.chatTemplate().orElse(null), jinja)) {
                toolsJson = ToolPrompt.toolsJson(offered);
            } else {
                turns = ToolPrompt.withFallback(turns, offered);
            }
        }
        try {
            return ProbeAccess.render(llama, gguf, turns, toolsJson);
        } catch (RuntimeException e) {
            throw new EngineException(500, ProbeAccess.describe(e));
        }
    }

    /** The tokens of a rendered {@code prompt}, plus BOS if the model adds one. */
    public int countPrompt(String prompt) {
        return llama.encode(prompt).length + (gguf.addsBos() ? 1 : 0);
    }

    /** The tokens of {@code text}: special tokens recognised, no BOS added. */
    public int countTokens(String text) {
        return llama.encode(text).length;
    }

    /** Starts generating with {@code parameters}; the iterator yields the pieces as llama.cpp decodes them. */
    public LlamaIterator generate(InferenceParameters parameters) {
        return llama.generate(parameters).iterator();
    }

    /**
     * Embeds each input with the embedding instance (loaded on first call), in input order, as
     * {@code modelName}'s answer; usage counts each input's tokens plus BOS if the model adds one.
     *
     * @throws EngineException 400 for an input longer than the context, or empty when the model
     *                         adds no BOS
     */
    public EmbeddingResponse embed(EmbeddingRequest request, String modelName) {
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
    }

    /** Frees both instances. */
    public void close() {
        llama.close();
        if (embedder != null) {
            embedder.close();
        }
    }
}
