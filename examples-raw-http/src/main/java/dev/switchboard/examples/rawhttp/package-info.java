/**
 * LLM calls by hand with OkHttp 5 ({@code com.squareup.okhttp3:okhttp-jvm}) and Jackson databind, one
 * self-contained file each: the OpenAI-compatible scenarios ({@link dev.switchboard.examples.rawhttp.NonStreamingChat},
 * {@link dev.switchboard.examples.rawhttp.StreamingChat}, {@link dev.switchboard.examples.rawhttp.MultiTurnChat},
 * {@link dev.switchboard.examples.rawhttp.AgentLoop}, {@link dev.switchboard.examples.rawhttp.Embeddings},
 * {@link dev.switchboard.examples.rawhttp.ListModels}) and Ollama's native ones ({@code Ollama*}).
 *
 * <p>Common to every file: one {@code OkHttpClient} per program, in a {@code static final} field; a read timeout
 * of 120 s, which is the longest silence between two reads (not a limit on the whole call), long enough for a
 * local model to load; {@code Authorization: Bearer <key>} on {@code /v1} (local servers ignore it); each
 * {@code Response} closed by try-with-resources, which releases the connection; and {@code IOException} with the
 * status and the server's body for any non-2xx status. The {@code raw-http} {@code LlmClient} adapter is a module
 * of its own, {@code clients/raw-http}. See this module's README.
 */
package dev.switchboard.examples.rawhttp;
