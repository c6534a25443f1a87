package dev.switchboard.springai.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.DefaultToolDefinition;
import org.springframework.ai.tool.definition.ToolDefinition;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.Usage;
import dev.switchboard.core.wire.ThinkTagSplitter;

/**
 * Core's request and answer records to and from Spring AI's {@link Prompt} and
 * {@link org.springframework.ai.chat.model.ChatResponse}, for {@link OpenAiChatModel}.
 */
public final class Conversions {

    /**
     * Where Spring AI's OpenAI model puts the reasoning of a message: {@code reasoning_content}
     * (llama.cpp, DeepSeek) or {@code reasoning} (Ollama's {@code /v1}, vLLM), read from the
     * SDK's additional properties; accumulated over a stream.
     */
    public static final String REASONING_CONTENT = "reasoningContent";

    private Conversions() {
    }

    /**
     * The prompt for {@code request}.
     *
     * <p>Every prompt carries its own {@link OpenAiChatOptions} (Spring AI uses a prompt's options
     * as they are, without merging the model's defaults), so each sets the timeout again: zero,
     * meaning "none at the call level". Spring AI 2.0.1 turns the options' timeout into a
     * <em>whole-call</em> timeout, streams included (60 s by default, fixed upstream in 2.0.2); the
     * idle timeout lives in the client's {@code Timeout.read} instead (see
     * {@code SpringAiLlmClient}).
     *
     * @param request      core's request
     * @param defaultModel the model used when the request names none; may be null
     */
    public static Prompt prompt(ChatRequest request, String defaultModel) {
        OpenAiChatOptions.Builder options = OpenAiChatOptions.builder()
                .model(request.model() != null ? request.model() : defaultModel)
                .timeout(Duration.ZERO)
                .temperature(request.temperature())
                .topP(request.topP())
                .maxTokens(request.maxTokens())
                .streamUsage(true);
        if (!request.stop().isEmpty()) {
            options.stop(request.stop());
        }
        if (request.seed() != null) {
            options.seed(Math.toIntExact(request.seed())); // Spring AI's seed is an Integer
        }
        if (request.responseFormat() != null && !(request.responseFormat() instanceof ResponseFormat.Text)) {
            options.responseFormat(responseFormat(request.responseFormat()));
        }
        if (!request.tools().isEmpty()) {
            List<ToolCallback> tools = new ArrayList<>();
            for (ToolSpec spec : request.tools()) {
                tools.add(new DeclaredTool(spec));
            }
            options.toolCallbacks(tools);
        }
        if (!request.extensions().isEmpty()) {
            options.extraBody(new HashMap<>(request.extensions()));
        }
        return new Prompt(messages(request.messages()), options.build());
    }

    private static List<Message> messages(List<ChatMessage> messages) {
        Map<String, String> toolNames = new HashMap<>(); // call id -> function name, for tool results
        List<Message> out = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            if (message instanceof ChatMessage.SystemMessage m) {
                out.add(new SystemMessage(m.content()));
            } else if (message instanceof ChatMessage.UserMessage m) {
                out.add(new UserMessage(m.content()));
            } else if (message instanceof ChatMessage.AssistantMessage m) {
                List<AssistantMessage.ToolCall> calls = new ArrayList<>();
                for (ToolCall call : m.toolCalls()) {
                    calls.add(new AssistantMessage.ToolCall(call.id(), "function", call.name(), call.arguments()));
                    toolNames.put(call.id(), call.name());
                }
                out.add(AssistantMessage.builder().content(m.content()).toolCalls(calls).build());
            } else if (message instanceof ChatMessage.ToolMessage m) {
                String name = toolNames.getOrDefault(m.toolCallId(), "");
                out.add(ToolResponseMessage.builder()
                        .responses(List.of(new ToolResponseMessage.ToolResponse(m.toolCallId(), name, m.content())))
                        .build());
            } else {
                throw new IllegalArgumentException("unknown message type: " + message);
            }
        }
        return out;
    }

    private static OpenAiChatModel.ResponseFormat responseFormat(ResponseFormat format) {
        if (format instanceof ResponseFormat.JsonSchema schema) {
            return OpenAiChatModel.ResponseFormat.builder().type(OpenAiChatModel.ResponseFormat.Type.JSON_SCHEMA)
                    .jsonSchema(schema.schemaJson()).strict(schema.strict()).build();
        }
        return OpenAiChatModel.ResponseFormat.builder().type(OpenAiChatModel.ResponseFormat.Type.JSON_OBJECT).build();
    }

    /**
     * Core's answer from a non-streaming Spring AI answer: text with any {@code <think>} tags split
     * off by core's {@link ThinkTagSplitter}, reasoning from {@link #REASONING_CONTENT}, tool
     * calls, finish reason, usage.
     */
    public static ChatResponse response(org.springframework.ai.chat.model.ChatResponse answer) {
        Generation generation = answer.getResult();
        String id = answer.getMetadata().getId();
        String model = answer.getMetadata().getModel();
        Usage usage = usage(answer.getMetadata().getUsage());
        if (generation == null) {
            return new ChatResponse(blankToNull(id), blankToNull(model),
                    new ChatMessage.AssistantMessage("", null, List.of()), null, usage, null);
        }
        AssistantMessage output = generation.getOutput();
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder(reasoning(output));
        ThinkTagSplitter splitter = new ThinkTagSplitter();
        java.util.function.Consumer<ChatEvent> sink = event -> {
            if (event instanceof ChatEvent.TextDelta t) {
                text.append(t.text());
            } else if (event instanceof ChatEvent.ReasoningDelta r) {
                reasoning.append(r.text());
            }
        };
        splitter.feed(output.getText(), sink);
        splitter.flush(sink);
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < output.getToolCalls().size(); i++) {
            calls.add(toolCall(output.getToolCalls().get(i), i));
        }
        String content = text.length() == 0 && !calls.isEmpty() ? null : text.toString();
        return new ChatResponse(blankToNull(id), blankToNull(model),
                new ChatMessage.AssistantMessage(content, reasoning.length() == 0 ? null : reasoning.toString(), calls),
                finishReason(generation.getMetadata().getFinishReason()), usage, null);
    }

    /** The reasoning Spring AI attached to a message, or {@code ""}. */
    public static String reasoning(AssistantMessage message) {
        Object value = message.getMetadata().get(REASONING_CONTENT);
        return value instanceof String s ? s : "";
    }

    /** Core's call from Spring AI's; a missing id becomes {@code call_<index>}, as in core's wire layer. */
    public static ToolCall toolCall(AssistantMessage.ToolCall call, int index) {
        String id = call.id() == null || call.id().isBlank() ? "call_" + index : call.id();
        return new ToolCall(id, call.name() == null ? "" : call.name(), call.arguments());
    }

    /**
     * Spring AI's finish reason, the SDK's enum name ({@code STOP}, {@code LENGTH},
     * {@code TOOL_CALLS}, ...), as core's; null or blank is null.
     */
    public static FinishReason finishReason(String name) {
        return name == null || name.isBlank() ? null : FinishReason.fromWire(name.toLowerCase(Locale.ROOT));
    }

    /** Core's usage, or null for Spring AI's {@link EmptyUsage} (the server sent none). */
    public static Usage usage(org.springframework.ai.chat.metadata.Usage usage) {
        if (usage == null || usage instanceof EmptyUsage) {
            return null;
        }
        int prompt = usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
        int completion = usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
        int total = usage.getTotalTokens() == null ? prompt + completion : usage.getTotalTokens();
        return new Usage(prompt, completion, total);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * A tool offered to the model through {@link ChatRequest#tools()}: a definition only. Spring AI
     * 2.0's {@code ChatModel} never runs tools itself (running them moved to {@code ChatClient}'s
     * tool-calling advisor), so the model's calls come back to the {@code LlmClient}'s caller,
     * who runs them.
     */
    private static final class DeclaredTool implements ToolCallback {
        private final ToolDefinition definition;

        DeclaredTool(ToolSpec spec) {
            String description = spec.description() == null || spec.description().isBlank()
                    ? spec.name() : spec.description(); // Spring AI requires a description
            this.definition = DefaultToolDefinition.builder().name(spec.name()).description(description)
                    .inputSchema(spec.parametersJson()).build();
        }

        @Override
        public ToolDefinition getToolDefinition() {
            return definition;
        }

        /**
         * Never called: the {@code LlmClient}'s caller runs the tools.
         *
         * @throws IllegalStateException always, naming the tool
         */
        @Override
        public String call(String toolInput) {
            throw new IllegalStateException("tool '" + definition.name()
                    + "' is run by the caller of LlmClient, not by Spring AI");
        }
    }
}
