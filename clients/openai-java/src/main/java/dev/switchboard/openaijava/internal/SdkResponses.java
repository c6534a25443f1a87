package dev.switchboard.openaijava.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.openai.core.JsonField;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.models.Model;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.CompletionResponse;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.wire.ThinkTagSplitter;

/**
 * openai-java's answers as core's values, including what the OpenAI spec does not define but local
 * servers send, read from the SDK's additional properties: reasoning as {@code reasoning_content}
 * (llama.cpp) or {@code reasoning} (Ollama's {@code /v1}), {@code <think>} tags in
 * {@code content}, and top-level extras such as llama.cpp's {@code timings}
 * ({@code core/src/test/resources/reference/llama-server-transcripts/04-chat-nonstream.txt}).
 *
 * <p>Fields the SDK calls required but servers may omit ({@code id}, {@code finish_reason},
 * {@code created}, {@code owned_by}) are read through their raw {@code JsonField}s, so a missing
 * one is null rather than an exception.
 */
public final class SdkResponses {

    private SdkResponses() {
    }

    /**
     * The first choice of a chat completion.
     *
     * @throws MalformedResponseException if it has no choices
     */
    public static ChatResponse chat(ChatCompletion completion) {
        if (completion.choices().isEmpty()) {
            throw new MalformedResponseException("a chat completion without choices", completion.toString(), null);
        }
        ChatCompletion.Choice choice = completion.choices().get(0);
        ChatCompletionMessage message = choice.message();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (ChatCompletionMessageToolCall call : message.toolCalls().orElse(List.of())) {
            call.function().ifPresent(f -> toolCalls.add(
                    new ToolCall(f.id(), f.function().name(), f.function().arguments())));
        }
        String content = message.content().orElse(null);
        String reasoning = reasoning(message._additionalProperties());
        if (reasoning == null) {
            String[] split = ThinkTagSplitter.splitWhole(content);
            reasoning = split[0];
            content = split[1];
        }
        if (content != null && content.isEmpty() && !toolCalls.isEmpty()) {
            content = null; // Ollama sends "" beside tool calls, OpenAI null
        }
        Usage usage = completion.usage().map(SdkResponses::usage).orElse(null);
        return new ChatResponse(string(completion._id()), string(completion._model()),
                new ChatMessage.AssistantMessage(content, reasoning, toolCalls),
                finishReason(choice._finishReason()), usage, extensions(completion._additionalProperties()));
    }

    /** The vectors, put in input order by {@code index}. */
    public static EmbeddingResponse embeddings(CreateEmbeddingResponse response) {
        List<Embedding> data = response.data();
        float[][] vectors = new float[data.size()][];
        for (Embedding embedding : data) {
            int index = (int) embedding.index();
            if (index < 0 || index >= vectors.length || vectors[index] != null) {
                throw new MalformedResponseException("bad or repeated embedding index " + index, response.toString(), null);
            }
            List<Float> values = embedding.embedding();
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i);
            }
            vectors[index] = vector;
        }
        Usage usage = response._usage().asKnown()
                .map(u -> new Usage((int) u.promptTokens(), 0, (int) u.totalTokens())).orElse(null);
        return new EmbeddingResponse(string(response._model()), List.of(vectors), usage);
    }

    /** One model of {@code /v1/models}. */
    public static ModelInfo model(Model model) {
        Long created = model._created().asKnown().orElse(0L);
        return new ModelInfo(model.id(), string(model._ownedBy()), created);
    }

    /** Core's usage for the SDK's. */
    public static Usage usage(CompletionUsage usage) {
        return new Usage((int) usage.promptTokens(), (int) usage.completionTokens(), (int) usage.totalTokens());
    }

    /**
     * A non-streaming {@code text_completion}: {@code choices[0].text} (empty when absent),
     * {@code finish_reason}, usage, id, model, and the unknown top-level fields (llama.cpp's
     * {@code timings}) as extensions. Read through the SDK's lenient accessors, so a server that
     * leaves out {@code id} or {@code created} (both optional in our wire layer) is still read.
     *
     * @throws MalformedResponseException if there is no {@code choices[0]}
     */
    public static CompletionResponse completion(Completion completion) {
        List<CompletionChoice> choices = completion._choices().asKnown().orElse(List.of());
        if (choices.isEmpty()) {
            throw new MalformedResponseException("completion response has no choices[0]", completion.toString(), null);
        }
        CompletionChoice choice = choices.get(0);
        Map<String, Object> extensions = extensions(completion._additionalProperties());
        completion._systemFingerprint().asKnown().ifPresent(f -> extensions.put("system_fingerprint", f));
        return new CompletionResponse(completion._id().asKnown().orElse(null),
                completion._model().asKnown().orElse(null), choice._text().asKnown().orElse(""),
                finishReason(choice._finishReason()), completion._usage().asKnown().map(SdkResponses::usage).orElse(null),
                extensions);
    }

    /**
     * The reasoning text in an object's unknown fields: {@code reasoning_content}, else
     * {@code reasoning}; null when neither is a non-empty string.
     */
    public static String reasoning(Map<String, JsonValue> additionalProperties) {
        if (additionalProperties.isEmpty()) {
            return null;
        }
        String text = nonEmptyString(additionalProperties.get("reasoning_content"));
        return text != null ? text : nonEmptyString(additionalProperties.get("reasoning"));
    }

    /** A {@code finish_reason} field as core's; null when missing, null or empty. */
    public static FinishReason finishReason(JsonField<?> field) {
        Object known = field.asKnown().orElse(null);
        String value = known != null ? known.toString() : field.asString().orElse(null);
        return value == null || value.isEmpty() ? null : FinishReason.fromWire(value);
    }

    /** Top-level unknown fields as plain Java values (maps, lists, strings, numbers, booleans). */
    public static Map<String, Object> extensions(Map<String, JsonValue> additionalProperties) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        additionalProperties.forEach((name, value) -> {
            Object plain = value.convert(Object.class);
            if (plain != null) {
                extensions.put(name, plain);
            }
        });
        return extensions;
    }

    private static String nonEmptyString(JsonValue value) {
        if (value == null) {
            return null;
        }
        Object text = value.asString().orElse(null);
        return text instanceof String s && !s.isEmpty() ? s : null;
    }

    private static String string(JsonField<?> field) {
        Object known = field.asKnown().orElse(null);
        return known != null ? known.toString() : field.asString().orElse(null);
    }
}
