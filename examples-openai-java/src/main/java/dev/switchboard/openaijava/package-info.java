/**
 * The official openai-java SDK against local OpenAI-compatible servers: the five scenario examples
 * ({@link dev.switchboard.openaijava.NonStreamingChat}, {@link dev.switchboard.openaijava.StreamingChat},
 * {@link dev.switchboard.openaijava.MultiTurnChat}, {@link dev.switchboard.openaijava.AgentLoop},
 * {@link dev.switchboard.openaijava.Embeddings}), three more ({@link dev.switchboard.openaijava.StructuredOutput},
 * {@link dev.switchboard.openaijava.AsyncStreamingChat}, {@link dev.switchboard.openaijava.ReasoningAndTimings}),
 * and the {@code openai-java} {@link dev.switchboard.core.LlmClient} adapter
 * {@link dev.switchboard.openaijava.OpenAiJavaLlmClient}. See this module's README.
 */
package dev.switchboard.openaijava;
