package dev.switchboard.server.internal.llama;

import java.nio.file.Path;
import java.util.List;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;

import dev.switchboard.server.gguf.GgufFile;

/**
 * The child JVM of {@link ModelProbe}: loads the native library, then the model, renders its chat
 * template once and generates one token, reporting each stage on stdout as {@code probe: <stage>}.
 * A native abort here ends only this process; the parent reads how far it got and why.
 *
 * <p>Exit status: 0 all stages passed; 3 the chat template is not supported (llama.cpp fell back
 * to ChatML); 4 the template did not render the messages; 2 a Java exception (printed); anything
 * else (134 SIGABRT, 139 SIGSEGV, …) a native crash.
 */
public final class ProbeMain {

    /** The conversation rendered once: the shape {@link ChatPrompt#normalise} produces. */
    static final List<ChatPrompt.Turn> SAMPLE = List.of(new ChatPrompt.Turn("system", "You are a probe."),
            new ChatPrompt.Turn("user", "Hello"), new ChatPrompt.Turn("assistant", "Hi."),
            new ChatPrompt.Turn("user", "Say something."));

    private ProbeMain() {
    }

    /**
     * {@code ProbeMain <model.gguf> <context size> <jinja true|false>}.
     *
     * @throws Exception never on purpose: every failure is reported and ends the process
     */
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int contextSize = Integer.parseInt(args[1]);
        boolean jinja = Boolean.parseBoolean(args[2]);
        try {
            GgufFile gguf = GgufFile.read(model);
            stage("native");
            Class.forName("de.kherud.llama.LlamaModel");
            stage("native-ok");
            try (LlamaModel llama = new LlamaModel(Natives.parameters(model, contextSize, jinja, 1, false, false))) {
                stage("loaded");
                String rendered = render(llama, gguf, SAMPLE);
                stage("template-ok");
                InferenceParameters one = new InferenceParameters(rendered).setNPredict(1).setTemperature(0f);
                for (LlamaOutput ignored : llama.generate(one)) {
                    // one token through the whole decode path
                }
                stage("generated");
            }
            System.out.flush();
            System.exit(0);
        } catch (TemplateFallback e) {
            stage("template-fallback");
            System.exit(3);
        } catch (IllegalStateException e) {
            stage("template-broken " + e.getMessage());
            System.exit(4);
        } catch (Throwable e) {
            stage("exception " + e);
            System.exit(2);
        }
    }

    /**
     * Renders {@code turns} with the model's template, checking that llama.cpp used the model's
     * own template and not its ChatML fallback.
     *
     * @throws TemplateFallback      if llama.cpp fell back to ChatML for a template that is not ChatML
     * @throws IllegalStateException if the rendering lost or repeated a message
     */
    static String render(LlamaModel llama, GgufFile gguf, List<ChatPrompt.Turn> turns) {
        return render(llama, gguf, turns, null);
    }

    /** As {@link #render(LlamaModel, GgufFile, List)}, with OpenAI's {@code tools} array for a template that takes tools. */
    static String render(LlamaModel llama, GgufFile gguf, List<ChatPrompt.Turn> turns, String toolsJson) {
        String rendered = llama.applyTemplate(ChatPrompt.templateRequest(turns, toolsJson));
        String template = gguf.chatTemplate().orElse(null);
        if (template != null && !template.contains("<|im_start|>") && rendered.contains("<|im_start|>")) {
            throw new TemplateFallback();
        }
        return ChatPrompt.fill(rendered, turns);
    }

    private static void stage(String stage) {
        System.out.println("probe: " + stage);
        System.out.flush();
    }

    /** llama.cpp did not support the model's template and substituted ChatML. */
    static final class TemplateFallback extends RuntimeException {
        TemplateFallback() {
            super("llama.cpp does not support this model's chat template and would fall back to ChatML");
        }
    }
}
