package dev.switchboard.langchain4j.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.BadRequestException;
import dev.switchboard.core.wire.ThinkTagSplitter;

/**
 * Core's records to LangChain4j's types and back. No I/O.
 */
public final class Conversions {

    /** Which LangChain4j module the request goes to: the provider-specific parameters differ. */
    public enum Flavour {
        /** langchain4j-open-ai against any {@code /v1} server: {@link OpenAiChatRequestParameters}. */
        OPENAI,
        /** langchain4j-ollama against Ollama's {@code /api}: {@link OllamaChatRequestParameters}. */
        OLLAMA
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Conversions() {
    }

    /**
     * Converts a request. A null model stays null, so the LangChain4j model's own name applies.
     *
     * @throws BadRequestException for what the flavour cannot send: extensions or a seed beyond
     *                             {@code int} natively, a tool schema LangChain4j cannot read
     */
    public static dev.langchain4j.model.chat.request.ChatRequest toLangChain4j(ChatRequest request, Flavour flavour) {
        DefaultChatRequestParameters.Builder<?> parameters = flavour == Flavour.OPENAI
                ? OpenAiChatRequestParameters.builder().seed(seed(request)).customParameters(
                        request.extensions().isEmpty() ? null : request.extensions())
                : ollamaParameters(request);
        parameters.modelName(request.model())
                .temperature(request.temperature())
                .topP(request.topP())
                .maxOutputTokens(request.maxTokens())
                .stopSequences(request.stop().isEmpty() ? null : request.stop())
                .responseFormat(responseFormat(request.responseFormat()));
        if (!request.tools().isEmpty()) {
            parameters.toolSpecifications(request.tools().stream().map(Conversions::toolSpecification).toList());
        }
        return dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(messages(request.messages(), flavour))
                .parameters(parameters.build())
                .build();
    }

    private static DefaultChatRequestParameters.Builder<?> ollamaParameters(ChatRequest request) {
        if (!request.extensions().isEmpty()) {
            throw new BadRequestException("langchain4j-ollama sends only its typed options; extensions "
                    + request.extensions().keySet() + " cannot be sent", 0, null, null, null);
        }
        return OllamaChatRequestParameters.builder().seed(seed(request));
    }

    private static Integer seed(ChatRequest request) {
        if (request.seed() == null) {
            return null;
        }
        if (request.seed() < Integer.MIN_VALUE || request.seed() > Integer.MAX_VALUE) {
            throw new BadRequestException("LangChain4j takes a seed as an int; " + request.seed() + " does not fit",
                    0, null, null, null);
        }
        return request.seed().intValue();
    }

    private static dev.langchain4j.model.chat.request.ResponseFormat responseFormat(ResponseFormat format) {
        if (format == null || format instanceof ResponseFormat.Text) {
            return null;
        }
        if (format instanceof ResponseFormat.JsonSchema schema) {
            return dev.langchain4j.model.chat.request.ResponseFormat.builder().type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name(schema.name())
                            .rootElement(JsonRawSchema.from(schema.schemaJson())).build())
                    .build();
        }
        return dev.langchain4j.model.chat.request.ResponseFormat.JSON;
    }

    /** A core tool as LangChain4j's {@link ToolSpecification}, its JSON Schema read by LangChain4j. */
    static ToolSpecification toolSpecification(ToolSpec tool) {
        try {
            ObjectNode json = JSON.createObjectNode();
            json.put("name", tool.name());
            if (tool.description() != null) {
                json.put("description", tool.description());
            }
            json.set("parameters", JSON.readTree(tool.parametersJson()));
            return ToolSpecification.fromJson(JSON.writeValueAsString(json));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadRequestException("tool '" + tool.name() + "': LangChain4j cannot read its parameters schema: "
                    + e.getMessage(), 0, null, null, e);
        }
    }

    private static List<dev.langchain4j.data.message.ChatMessage> messages(List<ChatMessage> messages,
            Flavour flavour) {
        Map<String, String> toolNames = new HashMap<>();
        List<dev.langchain4j.data.message.ChatMessage> out = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            if (message instanceof ChatMessage.SystemMessage m) {
                out.add(SystemMessage.from(m.content()));
            } else if (message instanceof ChatMessage.UserMessage m) {
                out.add(UserMessage.from(m.content()));
            } else if (message instanceof ChatMessage.AssistantMessage m) {
                List<ToolExecutionRequest> calls = new ArrayList<>();
                for (ToolCall call : m.toolCalls()) {
                    toolNames.put(call.id(), call.name());
                    calls.add(ToolExecutionRequest.builder().id(call.id()).name(call.name())
                            .arguments(call.arguments()).build());
                }
                out.add(AiMessage.builder().text(m.content()).thinking(m.reasoning())
                        .toolExecutionRequests(calls).build());
            } else if (message instanceof ChatMessage.ToolMessage m) {
                // LangChain4j wants the tool's name too; it is the one the assistant's call of that id named.
                String toolName = toolNames.getOrDefault(m.toolCallId(), m.toolCallId());
                out.add(flavour == Flavour.OLLAMA
                        ? ollamaToolResult(m, toolName)
                        : ToolExecutionResultMessage.from(m.toolCallId(), toolName, m.content()));
            }
        }
        return out;
    }

    /**
     * A tool result for Ollama's {@code /api/chat}. langchain4j-ollama 1.18.1 writes a
     * {@link ToolExecutionResultMessage} as {@code {"role":"tool","content":..}} only, without
     * {@code tool_name} or {@code tool_call_id}, so a server cannot tell which call it answers when
     * there are several; its {@link CustomMessage} is written field for field, so the message goes as
     * Ollama documents it ({@code core/src/test/resources/reference/ollama-wire.md} section 7:
     * {@code tool_name}, and {@code tool_call_id} since v0.11.4).
     */
    private static CustomMessage ollamaToolResult(ChatMessage.ToolMessage message, String toolName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("role", "tool");
        fields.put("content", message.content());
        fields.put("tool_name", toolName);
        fields.put("tool_call_id", message.toolCallId());
        return CustomMessage.from(fields);
    }

    /**
     * Converts a whole answer. Reasoning is LangChain4j's {@code thinking}, or else split off
     * {@code <think>} tags in the text.
     */
    public static ChatResponse fromLangChain4j(dev.langchain4j.model.chat.response.ChatResponse response) {
        AiMessage ai = response.aiMessage();
        String text = ai.text();
        String reasoning = ai.thinking();
        if (reasoning == null && text != null) {
            String[] split = ThinkTagSplitter.splitWhole(text);
            reasoning = split[0];
            text = split[1];
        }
        List<ToolCall> calls = new ArrayList<>();
        for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
            calls.add(toolCall(calls.size(), request));
        }
        FinishReason finish = finishReason(response.finishReason(), !calls.isEmpty());
        return new ChatResponse(response.id(), response.modelName(),
                new ChatMessage.AssistantMessage(text, reasoning, calls), finish, usage(response.tokenUsage()), null);
    }

    /** Emits the finish, then the usage if there is any, as a stream ends. */
    static void finishAndUsage(dev.langchain4j.model.chat.response.ChatResponse response, boolean hadToolCalls,
            Consumer<ChatEvent> out) {
        out.accept(new ChatEvent.Finish(finishReason(response.finishReason(), hadToolCalls)));
        Usage usage = usage(response.tokenUsage());
        if (usage != null) {
            out.accept(new ChatEvent.UsageEvent(usage));
        }
    }

    /** A tool call; a call without id (Ollama's native ones) gets {@code call_<index>}, as core's decoders do. */
    static ToolCall toolCall(int index, ToolExecutionRequest request) {
        String id = request.id() == null || request.id().isBlank() ? "call_" + index : request.id();
        return new ToolCall(id, request.name(), request.arguments());
    }

    /**
     * LangChain4j's finish reason; {@code TOOL_EXECUTION} is {@code tool_calls}. Ollama says
     * {@code stop} after tool calls ({@code core/src/test/resources/reference/ollama-wire.md}
     * section 7.1), so with calls a stop is {@code tool_calls}; none at all is {@code stop}.
     */
    static FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason, boolean hadToolCalls) {
        if (hadToolCalls && (reason == null || reason == dev.langchain4j.model.output.FinishReason.STOP)) {
            return FinishReason.TOOL_CALLS;
        }
        if (reason == null) {
            return FinishReason.STOP;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    static Usage usage(TokenUsage usage) {
        if (usage == null || (usage.inputTokenCount() == null && usage.outputTokenCount() == null)) {
            return null;
        }
        int in = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int out = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        int total = usage.totalTokenCount() == null ? in + out : usage.totalTokenCount();
        return new Usage(in, out, total);
    }
}
