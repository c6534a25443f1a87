package dev.switchboard.workshop.lessons.lesson06;

import dev.switchboard.core.LlmClient;

/**
 * Lesson 6's work: an agent loop written by hand over {@link LlmClient#chat}, with one tool,
 * {@code get_weather}. The starter {@link AgentLoop} and the solution implement it.
 */
public interface WeatherAgent {

    /**
     * The tool itself: made-up weather for the city named in a tool call's arguments.
     *
     * @param argumentsJson the call's {@code function.arguments}, a JSON object in a string, e.g.
     *                      {@code {"city":"Paris"}}; a model can send anything here
     * @return a JSON object for the {@code tool} message: the weather, or {@code {"error":"..."}} when
     *         the arguments are not a JSON object with a {@code city} (never throws for bad arguments:
     *         the model reads the error and can try again)
     */
    String weather(String argumentsJson);

    /**
     * Runs the loop: asks {@code question} with {@code get_weather} offered; while the answer has tool
     * calls, puts the assistant message back in the history, answers each call with a {@code tool}
     * message carrying the call's id, and asks again.
     *
     * @param client   where to send each request ({@link LlmClient#chat}, not stream)
     * @param model    the chat model
     * @param question the user's question
     * @param maxTurns the most requests to send
     * @return the text of the first answer without tool calls
     * @throws IllegalStateException if the model still calls tools after {@code maxTurns} requests
     */
    String run(LlmClient client, String model, String question, int maxTurns);
}
