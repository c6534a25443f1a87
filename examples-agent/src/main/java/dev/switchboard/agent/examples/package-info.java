/** The agent task five ways: this runtime, raw HTTP, openai-java, LangChain4j, Spring AI; plus hand-offs and a two-agent chat. */
package dev.switchboard.agent.examples;
