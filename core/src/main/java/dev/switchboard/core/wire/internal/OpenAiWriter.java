package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.wire.ChatChunk;
import dev.switchboard.core.wire.ReasoningField;

/** Writes the {@code /v1} JSON; see {@link dev.switchboard.core.wire.OpenAiWire} for the contract. */
public final class OpenAiWriter {

    private static final Set<String> REQUEST_FIELDS = Set.of("model", "messages", "tools", "temperature", "top_p",
            "max_tokens", "stop", "seed", "response_format", "stream", "stream_options");
    private static final Set<String> RESPONSE_FIELDS = Set.of("choices", "created", "model", "object", "usage", "id");

    private OpenAiWriter() {
    }

    /** The body of {@code POST /v1/chat/completions}. */
    public static byte[] chatRequest(ChatRequest r, boolean stream) {
        return Json.write(g -> {
            g.writeStartObject();
            if (r.model() != null) {
                g.writeStringField("model", r.model());
            }
            g.writeArrayFieldStart("messages");
            for (ChatMessage m : r.messages()) {
                writeMessage(g, m);
            }
            g.writeEndArray();
            if (!r.tools().isEmpty()) {
                g.writeArrayFieldStart("tools");
                for (ToolSpec tool : r.tools()) {
                    Writes.writeTool(g, tool);
                }
                g.writeEndArray();
            }
            Writes.writeSampling(g, r.temperature(), r.topP(), r.maxTokens(), r.stop(), r.seed());
            if (r.responseFormat() != null) {
                g.writeFieldName("response_format");
                writeResponseFormat(g, r.responseFormat());
            }
            Writes.writeStream(g, stream);
            Writes.writeExtensions(g, r.extensions(), REQUEST_FIELDS);
            g.writeEndObject();
        });
    }

    /** A non-streaming {@code chat.completion}, in llama-server's field order (04-chat-nonstream.txt). */
    public static byte[] chatResponse(ChatResponse r, long created, ReasoningField reasoningField) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            Writes.writeNullableString(g, "finish_reason", r.finishReason() == null ? null : r.finishReason().wireName());
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("message");
            g.writeStringField("role", "assistant");
            String content = r.message().content();
            String reasoning = r.message().reasoning();
            if (reasoning != null && reasoningField == ReasoningField.THINK_TAGS) {
                content = "<think>" + reasoning + "</think>" + (content == null ? "" : content);
            }
            Writes.writeNullableString(g, "content", content);
            if (reasoning != null && reasoningField != ReasoningField.THINK_TAGS) {
                g.writeStringField(reasoningField.fieldName(), reasoning);
            }
            if (!r.toolCalls().isEmpty()) {
                g.writeArrayFieldStart("tool_calls");
                for (ToolCall call : r.toolCalls()) {
                    g.writeStartObject();
                    g.writeStringField("type", "function");
                    g.writeObjectFieldStart("function");
                    g.writeStringField("name", call.name());
                    g.writeStringField("arguments", call.arguments());
                    g.writeEndObject();
                    g.writeStringField("id", call.id());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            Writes.writeResponseTail(g, created, r.model(), "chat.completion", r.usage(), r.id());
            Writes.writeExtensions(g, r.extensions(), RESPONSE_FIELDS);
            g.writeEndObject();
        });
    }

    /** One {@code chat.completion.chunk}, in llama-server's field order (05-chat-stream.txt). */
    public static byte[] chunk(ChatChunk c, Map<String, Object> extensions) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("choices");
            boolean hasDelta = c.role() != null || c.content() != null || c.reasoningContent() != null
                    || c.reasoning() != null || !c.toolCalls().isEmpty();
            if (hasDelta || c.finishReason() != null || c.usage() == null) {
                g.writeStartObject();
                Writes.writeNullableString(g, "finish_reason", c.finishReason());
                g.writeNumberField("index", 0);
                g.writeObjectFieldStart("delta");
                if (c.role() != null) {
                    g.writeStringField("role", c.role());
                    Writes.writeNullableString(g, "content", c.content()); // first chunk: "content":null
                } else if (c.content() != null) {
                    g.writeStringField("content", c.content());
                }
                if (c.reasoningContent() != null) {
                    g.writeStringField("reasoning_content", c.reasoningContent());
                }
                if (c.reasoning() != null) {
                    g.writeStringField("reasoning", c.reasoning());
                }
                if (!c.toolCalls().isEmpty()) {
                    g.writeArrayFieldStart("tool_calls");
                    for (ChatChunk.ToolCallDelta d : c.toolCalls()) {
                        g.writeStartObject();
                        g.writeNumberField("index", d.index());
                        if (d.id() != null) {
                            g.writeStringField("id", d.id());
                            g.writeStringField("type", "function");
                        }
                        g.writeObjectFieldStart("function");
                        if (d.name() != null) {
                            g.writeStringField("name", d.name());
                        }
                        if (d.argumentsFragment() != null) {
                            g.writeStringField("arguments", d.argumentsFragment());
                        }
                        g.writeEndObject();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("created", c.created());
            if (c.id() != null) {
                g.writeStringField("id", c.id());
            }
            if (c.model() != null) {
                g.writeStringField("model", c.model());
            }
            g.writeStringField("object", "chat.completion.chunk");
            if (c.usage() != null) {
                Writes.writeUsage(g, c.usage());
            }
            Writes.writeExtensions(g, extensions, RESPONSE_FIELDS);
            g.writeEndObject();
        });
    }

    /** The body of {@code POST /v1/embeddings}: {@code input} always as an array. */
    public static byte[] embeddingRequest(EmbeddingRequest r) {
        return Json.write(g -> {
            g.writeStartObject();
            if (r.model() != null) {
                g.writeStringField("model", r.model());
            }
            Writes.writeStrings(g, "input", r.input());
            g.writeEndObject();
        });
    }

    /** An embeddings response in llama-server's field order (19-embeddings.txt); base64 as 21-embeddings-base64.txt. */
    public static byte[] embeddingResponse(EmbeddingResponse r, boolean base64) {
        return Json.write(g -> {
            g.writeStartObject();
            if (r.model() != null) {
                g.writeStringField("model", r.model());
            }
            g.writeStringField("object", "list");
            if (r.usage() != null) {
                g.writeObjectFieldStart("usage");
                g.writeNumberField("prompt_tokens", r.usage().promptTokens());
                g.writeNumberField("total_tokens", r.usage().totalTokens());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("data");
            List<float[]> vectors = r.vectors();
            for (int i = 0; i < vectors.size(); i++) {
                g.writeStartObject();
                float[] v = vectors.get(i);
                if (base64) {
                    ByteBuffer bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    bytes.asFloatBuffer().put(v);
                    g.writeStringField("embedding", Base64.getEncoder().encodeToString(bytes.array()));
                } else {
                    g.writeFieldName("embedding");
                    Writes.writeFloats(g, v);
                }
                g.writeNumberField("index", i);
                g.writeStringField("object", "embedding");
                if (base64) {
                    g.writeStringField("encoding_format", "base64");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A {@code GET /v1/models} body: {@code {"object":"list","data":[...]}}. */
    public static byte[] models(List<ModelInfo> models) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("object", "list");
            g.writeArrayFieldStart("data");
            for (ModelInfo m : models) {
                g.writeStartObject();
                g.writeStringField("id", m.id());
                g.writeStringField("object", "model");
                g.writeNumberField("created", m.created());
                if (m.ownedBy() != null) {
                    g.writeStringField("owned_by", m.ownedBy());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code {"error":{"code":status,"message":...,"type":...}}}, as llama-server (17-missing-messages.txt). */
    public static byte[] error(int status, String message, String type) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeNumberField("code", status);
            g.writeStringField("message", message == null ? "" : message);
            g.writeStringField("type", type);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void writeMessage(JsonGenerator g, ChatMessage m) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", m.role());
        if (m instanceof ChatMessage.SystemMessage) {
            g.writeStringField("content", ((ChatMessage.SystemMessage) m).content());
        } else if (m instanceof ChatMessage.UserMessage) {
            g.writeStringField("content", ((ChatMessage.UserMessage) m).content());
        } else if (m instanceof ChatMessage.AssistantMessage) {
            ChatMessage.AssistantMessage a = (ChatMessage.AssistantMessage) m;
            if (a.content() == null && !a.toolCalls().isEmpty()) {
                g.writeNullField("content"); // as OpenAI (13-tool-result-roundtrip.request.txt)
            } else {
                g.writeStringField("content", a.content() == null ? "" : a.content());
            }
            if (!a.toolCalls().isEmpty()) {
                g.writeArrayFieldStart("tool_calls");
                for (ToolCall call : a.toolCalls()) {
                    g.writeStartObject();
                    g.writeStringField("id", call.id());
                    g.writeStringField("type", "function");
                    g.writeObjectFieldStart("function");
                    g.writeStringField("name", call.name());
                    g.writeStringField("arguments", call.arguments());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        } else {
            ChatMessage.ToolMessage t = (ChatMessage.ToolMessage) m;
            g.writeStringField("tool_call_id", t.toolCallId());
            g.writeStringField("content", t.content());
        }
        g.writeEndObject();
    }

    private static void writeResponseFormat(JsonGenerator g, ResponseFormat f) throws IOException {
        g.writeStartObject();
        if (f instanceof ResponseFormat.JsonSchema) {
            ResponseFormat.JsonSchema s = (ResponseFormat.JsonSchema) f;
            g.writeStringField("type", "json_schema");
            g.writeObjectFieldStart("json_schema");
            g.writeStringField("name", s.name());
            g.writeFieldName("schema");
            Writes.writeJsonText(g, s.schemaJson(), "response_format schema");
            g.writeBooleanField("strict", s.strict());
            g.writeEndObject();
        } else {
            g.writeStringField("type", f instanceof ResponseFormat.JsonObject ? "json_object" : "text");
        }
        g.writeEndObject();
    }
}
