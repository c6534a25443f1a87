package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.switchboard.core.Usage;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.wire.ChatChunk;

/**
 * Reads one {@code chat.completion.chunk} with Jackson's streaming parser (no tree, no string of
 * the whole payload) into reusable fields: the hot path of every {@code /v1} stream. One instance
 * is reused for every chunk of a stream; {@link #read} resets it first. Not thread-safe.
 *
 * <p>Tolerance, each from {@code core/src/test/resources/reference/}: {@code id}, {@code created},
 * {@code model} optional; unknown fields skipped at any depth; {@code choices} may be empty
 * (OpenAI's usage chunk) or null; only the choice with {@code index} 0 (or none) is read, so an
 * {@code n > 1} stream ({@code llama-server-transcripts/46-chat-stream-n2.txt}) yields choice 0; a
 * tool-call fragment without {@code index} takes its position; {@code arguments} as an object is
 * accepted and serialised; a payload {@code {"error":...}} (llama.cpp's mid-stream error frame,
 * either envelope) sets {@link #hasError}. The nested {@code usage}, {@code tool_calls} and
 * {@code error} objects are read by {@link ChunkParts}.
 */
public final class ChunkReader {

    /** {@code id}, or null. */
    public String id;
    /** {@code created}, or 0. */
    public long created;
    /** {@code model}, or null. */
    public String model;
    /** {@code choices[0].delta.role}, or null. */
    public String role;
    /** {@code choices[0].delta.content}, or null. */
    public String content;
    /** {@code choices[0].delta.reasoning_content}, or null. */
    public String reasoningContent;
    /** {@code choices[0].delta.reasoning}, or null. */
    public String reasoning;
    /** {@code choices[0].finish_reason}, or null. */
    public String finishReason;
    /** Top-level {@code usage}, or null. */
    public Usage usage;
    /**
     * Top-level {@code timings} (llama.cpp's, on its last chunk) as parsed JSON under its name, or
     * null when the chunk has none. Other fields outside the OpenAI vocabulary are skipped unread,
     * so a plain content chunk costs nothing more.
     */
    public Map<String, Object> extensions;
    /** Tool-call fragments of {@code choices[0].delta.tool_calls}; cleared by {@link #read}. */
    public final List<ChatChunk.ToolCallDelta> toolCalls = new ArrayList<>(2);
    /** Whether the payload was an error frame. */
    public boolean hasError;
    /** The error's message, or null. */
    public String errorMessage;
    /** The error's {@code type}, else {@code code} as text, or null. */
    public String errorCode;
    /** The error's numeric {@code code} (llama.cpp puts the status there), or 0. */
    public int errorStatus;
    /**
     * Whether to read {@code id}, {@code created} and {@code model}; a decoder that already has them
     * turns this off, sparing two strings per chunk. Default true.
     */
    public boolean readHeader = true;

    private String payloadText;
    private byte[] buf;
    private int off;
    private int len;

    /**
     * Reads one chunk payload ({@code buf[off, off+len)}, not {@code [DONE]}).
     *
     * @throws MalformedResponseException if it is not JSON or not a chunk's shape (names the payload)
     */
    public void read(byte[] buf, int off, int len) {
        reset();
        this.buf = buf;
        this.off = off;
        this.len = len;
        try (JsonParser p = Json.parser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw shape("a chunk must be a JSON object", null);
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (name) {
                    case "choices":
                        readChoices(p, t);
                        break;
                    case "usage":
                        usage = ChunkParts.readUsage(p, t);
                        break;
                    case "id":
                        id = readHeader && t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                        break;
                    case "model":
                        model = readHeader && t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                        break;
                    case "created":
                        created = readHeader && t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0L;
                        p.skipChildren();
                        break;
                    case "error":
                        ChunkParts.readError(p, t, this);
                        break;
                    case "timings":
                        readExtension(p, t, name);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw shape("trailing content after the chunk", null);
            }
        } catch (IOException e) {
            throw new MalformedResponseException("stream chunk is not valid JSON", payload(), e);
        } finally {
            this.buf = null;
        }
    }

    /** The fields read, as a {@link ChatChunk}. */
    public ChatChunk toChunk() {
        return new ChatChunk(id, created, model, role, content, reasoningContent, reasoning, toolCalls,
                finishReason, usage);
    }

    private void reset() {
        id = null;
        created = 0;
        model = null;
        role = null;
        content = null;
        reasoningContent = null;
        reasoning = null;
        finishReason = null;
        usage = null;
        extensions = null;
        toolCalls.clear();
        hasError = false;
        errorMessage = null;
        errorCode = null;
        errorStatus = 0;
        payloadText = null;
    }

    private void readExtension(JsonParser p, JsonToken t, String name) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        long end = p.currentLocation().getByteOffset();
        if (t == JsonToken.VALUE_NULL || start < 0 || end <= start) {
            return;
        }
        Object value = Json.plain(Json.tree(buf, off + (int) start, (int) (end - start)));
        if (extensions == null) {
            extensions = new LinkedHashMap<>(2);
        }
        extensions.put(name, value);
    }

    private void readChoices(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw shape("'choices' must be an array", null);
        }
        boolean taken = false;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw shape("'choices[]' must hold objects", null);
            }
            taken |= readChoice(p, taken);
        }
    }

    /** Reads one choice object; keeps it if it is choice 0 and none was kept yet. */
    private boolean readChoice(JsonParser p, boolean alreadyTaken) throws IOException {
        int index = 0;
        String cRole = null;
        String cContent = null;
        String cReasoningContent = null;
        String cReasoning = null;
        String cFinish = null;
        int toolsBefore = toolCalls.size();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "index":
                    index = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
                    break;
                case "finish_reason":
                    cFinish = text(p, t, "finish_reason");
                    if (cFinish != null && cFinish.isEmpty()) {
                        cFinish = null; // some servers send "" on chunks that do not finish
                    }
                    break;
                case "delta":
                case "message":
                    if (t == JsonToken.VALUE_NULL) {
                        break;
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw shape("'choices[]." + name + "' must be an object", null);
                    }
                    String field;
                    while ((field = p.nextFieldName()) != null) {
                        JsonToken v = p.nextToken();
                        switch (field) {
                            case "content":
                                cContent = text(p, v, "delta.content");
                                break;
                            case "reasoning_content":
                                cReasoningContent = text(p, v, "delta.reasoning_content");
                                break;
                            case "reasoning":
                                cReasoning = text(p, v, "delta.reasoning");
                                break;
                            case "role":
                                cRole = v == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                                break;
                            case "tool_calls":
                                ChunkParts.readToolCalls(p, v, this);
                                break;
                            default:
                                p.skipChildren();
                        }
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (index != 0 || alreadyTaken) {
            while (toolCalls.size() > toolsBefore) {
                toolCalls.remove(toolCalls.size() - 1);
            }
            return false;
        }
        role = cRole;
        content = cContent;
        reasoningContent = cReasoningContent;
        reasoning = cReasoning;
        finishReason = cFinish;
        return true;
    }

    private String text(JsonParser p, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw shape("'" + field + "' must be a string or null", null);
    }

    /** Skips the current value (and its children); returns null, for a field that is not read. */
    static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** The error for a payload that is JSON but not a chunk's shape; names the payload. */
    MalformedResponseException shape(String what, Throwable cause) {
        return new MalformedResponseException("stream chunk is not a chat.completion.chunk (" + what + ")",
                payload(), cause);
    }

    private String payload() {
        if (payloadText == null && buf != null) {
            payloadText = Json.payload(buf, off, len);
        }
        return payloadText;
    }
}
