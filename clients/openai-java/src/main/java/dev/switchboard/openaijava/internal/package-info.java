/**
 * How {@link dev.switchboard.openaijava.OpenAiJavaLlmClient} sits on the openai-java SDK: request
 * and answer mapping, chunk-to-event decoding, the stream end-marker watch, and the one mapping of
 * SDK exceptions onto core's typed errors. Not API: may change without notice.
 */
package dev.switchboard.openaijava.internal;
