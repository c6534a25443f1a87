package dev.switchboard.openaijava.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonMissing;
import com.openai.core.JsonValue;
import com.openai.models.ChatModel;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.ResponseFormatText;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.error.BadRequestException;

/**
 * Core's requests as openai-java parameters. Everything in a {@link ChatRequest} has an SDK
 * setter, and {@link ChatRequest#extensions()} go in as additional body properties (top-level
 * fields), so nothing is dropped.
 */
public final class SdkRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SdkRequests() {
    }

    /**
     * The chat parameters for {@code request}; with {@code stream}, also
     * {@code stream_options.include_usage} (the SDK's {@code createStreaming} sets {@code stream}).
     *
     * <p>{@code max_tokens} is sent as {@code max_tokens}, not the SDK's preferred
     * {@code max_completion_tokens}: Ollama ignores the latter ({@code core/src/test/resources/reference/ollama-wire.md},
     * "Ignored"). A null model leaves the field out, for servers that serve one model.
     *
     * @throws BadRequestException if a tool's or the response format's schema is not a JSON object
     */
    @SuppressWarnings("deprecation") // maxTokens and seed: deprecated by OpenAI, honoured by local servers
    public static ChatCompletionCreateParams chat(ChatRequest request, boolean stream) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder();
        if (request.model() != null) {
            params.model(ChatModel.of(request.model()));
        } else {
            params.model(JsonMissing.of());
        }
        for (ChatMessage message : request.messages()) {
            addMessage(params, message);
        }
        for (ToolSpec tool : request.tools()) {
            FunctionDefinition.Builder function = FunctionDefinition.builder().name(tool.name())
                    .parameters(FunctionParameters.builder()
                            .putAllAdditionalProperties(jsonObject(tool.parametersJson(), "tool " + tool.name()))
                            .build());
            if (tool.description() != null) {
                function.description(tool.description());
            }
            params.addTool(ChatCompletionFunctionTool.builder().function(function.build()).build());
        }
        if (request.temperature() != null) {
            params.temperature(request.temperature());
        }
        if (request.topP() != null) {
            params.topP(request.topP());
        }
        if (request.maxTokens() != null) {
            params.maxTokens(request.maxTokens().longValue());
        }
        if (!request.stop().isEmpty()) {
            params.stopOfStrings(request.stop());
        }
        if (request.seed() != null) {
            params.seed(request.seed());
        }
        if (request.responseFormat() != null) {
            addResponseFormat(params, request.responseFormat());
        }
        if (stream) {
            params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        request.extensions().forEach((name, value) -> params.putAdditionalBodyProperty(name, JsonValue.from(value)));
        return params.build();
    }

    /**
     * The text completion parameters for {@code POST /completions}: the prompt as a string,
     * {@code max_tokens}, the other set options, with {@code stream} also
     * {@code stream_options.include_usage}, and the extensions as top-level fields. A null model
     * leaves the field out.
     */
    public static CompletionCreateParams completion(CompletionRequest request, boolean stream) {
        CompletionCreateParams.Builder params = CompletionCreateParams.builder().prompt(request.prompt());
        if (request.model() != null) {
            params.model(request.model());
        } else {
            params.model(JsonMissing.of());
        }
        if (request.temperature() != null) {
            params.temperature(request.temperature());
        }
        if (request.topP() != null) {
            params.topP(request.topP());
        }
        if (request.maxTokens() != null) {
            params.maxTokens(request.maxTokens().longValue());
        }
        if (!request.stop().isEmpty()) {
            params.stopOfStrings(request.stop());
        }
        if (request.seed() != null) {
            params.seed(request.seed());
        }
        if (stream) {
            params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        request.extensions().forEach((name, value) -> params.putAdditionalBodyProperty(name, JsonValue.from(value)));
        return params.build();
    }

    /**
     * The embeddings parameters, with {@code encoding_format: float}: the SDK asks for base64 by
     * default, which Ollama accepts only from v0.12.7 ({@code ollama-wire.md}, section 5).
     */
    public static EmbeddingCreateParams embed(EmbeddingRequest request) {
        EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder()
                .inputOfArrayOfStrings(request.input())
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT);
        if (request.model() != null) {
            params.model(request.model());
        } else {
            params.model(JsonMissing.of());
        }
        return params.build();
    }

    private static void addMessage(ChatCompletionCreateParams.Builder params, ChatMessage message) {
        if (message instanceof ChatMessage.SystemMessage system) {
            params.addSystemMessage(system.content());
        } else if (message instanceof ChatMessage.UserMessage user) {
            params.addUserMessage(user.content());
        } else if (message instanceof ChatMessage.AssistantMessage assistant) {
            // Reasoning is never sent back: servers expect it dropped from the history.
            ChatCompletionAssistantMessageParam.Builder builder = ChatCompletionAssistantMessageParam.builder();
            if (assistant.content() != null) {
                builder.content(assistant.content());
            }
            for (ToolCall call : assistant.toolCalls()) {
                builder.addToolCall(ChatCompletionMessageFunctionToolCall.builder().id(call.id())
                        .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                .name(call.name()).arguments(call.arguments()).build())
                        .build());
            }
            params.addMessage(builder.build());
        } else if (message instanceof ChatMessage.ToolMessage tool) {
            params.addMessage(ChatCompletionToolMessageParam.builder()
                    .toolCallId(tool.toolCallId()).content(tool.content()).build());
        }
    }

    private static void addResponseFormat(ChatCompletionCreateParams.Builder params, ResponseFormat format) {
        if (format instanceof ResponseFormat.JsonSchema schema) {
            params.responseFormat(ResponseFormatJsonSchema.builder()
                    .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                            .name(schema.name())
                            .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                    .putAllAdditionalProperties(jsonObject(schema.schemaJson(), "response format"))
                                    .build())
                            .strict(schema.strict())
                            .build())
                    .build());
        } else if (format instanceof ResponseFormat.JsonObject) {
            params.responseFormat(ResponseFormatJsonObject.builder().build());
        } else {
            params.responseFormat(ResponseFormatText.builder().build());
        }
    }

    /** The fields of a JSON object given as text, as SDK values. */
    private static Map<String, JsonValue> jsonObject(String json, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(what + ": the schema is not valid JSON: " + e.getOriginalMessage(),
                    0, null, null, e);
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException(what + ": the schema must be a JSON object, was " + json, 0, null, null, null);
        }
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), JsonValue.fromJsonNode(field.getValue()));
        }
        return fields;
    }
}
