package dev.switchboard.core;

/**
 * Token counts of one call: the {@code usage} object of OpenAI Chat Completions.
 *
 * <p>In a stream, OpenAI-compatible servers send usage only when asked with
 * {@code stream_options.include_usage} (llama.cpp sends it on the last chunk; see
 * {@code core/src/test/resources/reference/llama-server-transcripts/06-chat-stream-usage.txt}).
 * Ollama's native API reports {@code prompt_eval_count} and {@code eval_count}, mapped here onto
 * prompt and completion.
 *
 * @param promptTokens     tokens in the input, {@code prompt_tokens}; 0 or more
 * @param completionTokens tokens generated, {@code completion_tokens}; 0 or more
 * @param totalTokens      {@code total_tokens}; usually the sum of the two
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens) {

    /** Returns usage whose total is the sum of the two counts. */
    public static Usage of(int promptTokens, int completionTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
    }
}
