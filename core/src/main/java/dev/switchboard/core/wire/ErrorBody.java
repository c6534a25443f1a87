package dev.switchboard.core.wire;

/**
 * What an error response said, read from either envelope: Ollama's native
 * {@code {"error":"model \"x\" not found"}} or the {@code /v1}
 * {@code {"error":{"message":..,"type":..,"code":..}}} (see
 * {@code core/src/test/resources/reference/llama-server-transcripts/17-missing-messages.txt} and
 * {@code core/src/test/resources/reference/ollama-wire.md}).
 *
 * @param message the server's message, or null when the body had none (or was not JSON)
 * @param code    {@code error.type}, else {@code error.code} as text, else null
 */
public record ErrorBody(String message, String code) {
}
