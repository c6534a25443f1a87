package dev.switchboard.core.wire.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.switchboard.core.Usage;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.wire.ChatChunk;

/**
 * The parts of a {@code chat.completion.chunk} that have a vocabulary of their own, read for
 * {@link ChunkReader} with the same streaming parser: a top-level {@code usage}, the tool-call
 * fragments of {@code choices[0].delta.tool_calls}, and the {@code error} of llama.cpp's mid-stream
 * error frame. Each method starts with the field's value token current and leaves the parser after
 * that value. Stateless; a shape error is the reader's (it names the payload).
 */
final class ChunkParts {

    private ChunkParts() {
    }

    /**
     * Reads {@code delta.tool_calls} (the value token {@code t} is current) into
     * {@link ChunkReader#toolCalls}: one fragment per element, a missing {@code index} taking the
     * element's position, {@code arguments} as an object or array serialised to its JSON text.
     *
     * @throws MalformedResponseException if it is neither an array of objects nor null
     */
    static void readToolCalls(JsonParser p, JsonToken t, ChunkReader into) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw into.shape("'delta.tool_calls' must be an array", null);
        }
        int position = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw into.shape("'delta.tool_calls[]' must hold objects", null);
            }
            int index = position;
            String callId = null;
            String fnName = null;
            String args = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if ("index".equals(name)) {
                    if (v == JsonToken.VALUE_NUMBER_INT) {
                        index = p.getIntValue();
                    }
                } else if ("id".equals(name)) {
                    callId = v == JsonToken.VALUE_STRING ? p.getText() : ChunkReader.skip(p);
                } else if ("function".equals(name) && v == JsonToken.START_OBJECT) {
                    String field;
                    while ((field = p.nextFieldName()) != null) {
                        JsonToken f = p.nextToken();
                        if ("name".equals(field)) {
                            fnName = f == JsonToken.VALUE_STRING ? p.getText() : ChunkReader.skip(p);
                        } else if ("arguments".equals(field)) {
                            if (f == JsonToken.VALUE_STRING) {
                                args = p.getText();
                            } else if (f == JsonToken.START_OBJECT || f == JsonToken.START_ARRAY) {
                                args = Json.text(p.readValueAsTree());
                            } else {
                                p.skipChildren();
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            into.toolCalls.add(new ChatChunk.ToolCallDelta(index, callId, fnName, args));
            position++;
        }
    }

    /**
     * Reads a top-level {@code usage} (the value token {@code t} is current): {@code prompt_tokens}
     * and {@code completion_tokens} default to 0, a missing {@code total_tokens} is their sum, other
     * fields and non-integer values are skipped.
     *
     * @return the counts, or null when {@code usage} is not an object (skipped)
     */
    static Usage readUsage(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        int prompt = 0;
        int completion = 0;
        int total = -1;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_NUMBER_INT) {
                p.skipChildren();
                continue;
            }
            switch (name) {
                case "prompt_tokens":
                    prompt = p.getIntValue();
                    break;
                case "completion_tokens":
                    completion = p.getIntValue();
                    break;
                case "total_tokens":
                    total = p.getIntValue();
                    break;
                default:
                    break;
            }
        }
        return new Usage(prompt, completion, total < 0 ? prompt + completion : total);
    }

    /**
     * Reads a payload's {@code error} (the value token {@code t} is current) into the reader's error
     * fields: a value other than an object gives its text as the message; an object gives {@code message}, {@code type}
     * (else {@code code} as text) and a numeric {@code code} as the status. Null leaves the payload
     * an ordinary chunk.
     */
    static void readError(JsonParser p, JsonToken t, ChunkReader into) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        into.hasError = true;
        if (t == JsonToken.VALUE_STRING) {
            into.errorMessage = p.getText();
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            into.errorMessage = p.getText();
            p.skipChildren();
            return;
        }
        String type = null;
        String code = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if ("message".equals(name) && v == JsonToken.VALUE_STRING) {
                into.errorMessage = p.getText();
            } else if ("type".equals(name) && v == JsonToken.VALUE_STRING) {
                type = p.getText();
            } else if ("code".equals(name) && v != JsonToken.VALUE_NULL && v.isScalarValue()) {
                code = p.getText();
                if (v == JsonToken.VALUE_NUMBER_INT) {
                    into.errorStatus = p.getIntValue();
                }
            } else {
                p.skipChildren();
            }
        }
        into.errorCode = type != null ? type : code;
    }
}
