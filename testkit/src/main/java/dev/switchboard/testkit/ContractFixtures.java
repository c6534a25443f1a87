package dev.switchboard.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.ToolSpec;

/**
 * The requests and expected answers of {@link LlmClientContract}, from the scripted engine's rules
 * (server README, "The scripted engine"). Package-private: the contract's vocabulary, not API.
 */
final class ContractFixtures {

    /** A plain prompt of 5 words; answered {@link #ECHO} (7 words, one per chunk, each with its following space). */
    static final String PROMPT = "Tell me about streams please";
    static final String ECHO = "You said: Tell me about streams please";
    static final int PROMPT_WORDS = 5;
    static final int ECHO_WORDS = 7;

    /** The first two chunks of {@link #ECHO}, space included: what a stream cut after two chunks holds. */
    static final String FIRST_TWO_CHUNKS = "You said: ";
    /** The first three chunks of {@link #ECHO}: the answer when {@code max_tokens} is 3. */
    static final String FIRST_THREE_CHUNKS = "You said: Tell ";

    static final String UNICODE_PROMPT = "Show me some unicode";
    static final String UNICODE_ANSWER = "你好 😊 Unicode works.";

    static final String WEATHER_TOOL_NAME = "get_weather";
    static final ToolSpec WEATHER_TOOL = new ToolSpec(WEATHER_TOOL_NAME, "Current weather in a city.",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"City name\"}},"
                    + "\"required\":[\"city\"]}");
    static final String WEATHER_QUESTION = "What is the weather in Paris?";
    static final String TWO_CITIES_QUESTION = "What is the weather in Paris and in London?";

    /** How long to wait for the server to notice something the client did (a close, a cancel). */
    static final Duration SERVER_NOTICES_WITHIN = Duration.ofSeconds(5);

    private ContractFixtures() {
    }

    static ChatRequest prompt(String text) {
        return ChatRequest.builder().user(text).build();
    }

    /** The reasoning the scripted engine's reasoning models give for a user message of {@code words} words. */
    static String reasoningFor(int words) {
        return "The user wrote " + words + " words. I will answer.";
    }

    /** Drains {@code stream}, keeping every event in order; closes it. */
    static List<ChatEvent> events(ChatStream stream) {
        List<ChatEvent> events = new ArrayList<>();
        try (stream) {
            for (ChatEvent event : stream) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * Polls {@code value} until it reaches {@code atLeast} or {@link #SERVER_NOTICES_WITHIN} passes;
     * returns the last value read (so the caller's assertion shows it).
     */
    static long awaitAtLeast(LongSupplier value, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + SERVER_NOTICES_WITHIN.toNanos();
        long now = value.getAsLong();
        while (now < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(10);
            now = value.getAsLong();
        }
        return now;
    }

    /** As {@link #awaitAtLeast}, until {@code value} falls to {@code atMost}. */
    static long awaitAtMost(LongSupplier value, long atMost) throws InterruptedException {
        long deadline = System.nanoTime() + SERVER_NOTICES_WITHIN.toNanos();
        long now = value.getAsLong();
        while (now > atMost && System.nanoTime() < deadline) {
            Thread.sleep(10);
            now = value.getAsLong();
        }
        return now;
    }
}
