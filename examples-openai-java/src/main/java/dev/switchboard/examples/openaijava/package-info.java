/**
 * The official openai-java SDK against local OpenAI-compatible servers: the five scenario examples
 * ({@link dev.switchboard.examples.openaijava.NonStreamingChat}, {@link dev.switchboard.examples.openaijava.StreamingChat},
 * {@link dev.switchboard.examples.openaijava.MultiTurnChat}, {@link dev.switchboard.examples.openaijava.AgentLoop},
 * {@link dev.switchboard.examples.openaijava.Embeddings}), three more ({@link dev.switchboard.examples.openaijava.StructuredOutput},
 * {@link dev.switchboard.examples.openaijava.AsyncStreamingChat}, {@link dev.switchboard.examples.openaijava.ReasoningAndTimings}). The {@code openai-java}
 * {@code LlmClient} adapter is a module of its own, {@code clients/openai-java}. See this module's README.
 */
package dev.switchboard.examples.openaijava;
