package dev.switchboard.examples.springai;

import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import dev.switchboard.core.Endpoint;

/**
 * Scenario 4, an agent loop: the model may ask for a tool, the program runs it and sends the result
 * back, until the model answers in words. In Spring AI the tool is a plain method marked
 * {@link Tool}; {@code ChatClient}'s tool-calling advisor offers it to the model (name, description
 * and a JSON Schema generated from the parameters), runs it when the model asks, and sends the
 * result back, as many turns as the model needs.
 *
 * <p>On the wire, every turn is a non-streaming {@code POST {baseUrl}/chat/completions} with the
 * conversation so far and the tool in {@code tools}; the assistant's {@code tool_calls} and one
 * {@code role: tool} message per call (with its {@code tool_call_id}) go into the next request.
 * Not every model calls tools: with Ollama the model needs the {@code tools} capability.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class AgentLoop {

    private AgentLoop() {
    }

    /**
     * Asks the endpoint in the environment about the weather, printing every tool call.
     * Environment ({@link Endpoint#fromEnvironment()}): {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}), {@code LLM_API_KEY}, {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String answer = run(Endpoint.fromEnvironment(), "What is the weather in Paris?",
                step -> System.out.println("  " + step));
        System.out.println(answer);
    }

    /**
     * Runs the loop: Spring AI sends the question with the tool, runs each call the model makes,
     * and returns the first answer without tool calls.
     *
     * @param endpoint the base URL (with {@code /v1}), key and a chat model that can call tools
     * @param question the user's message
     * @param onStep   called with one line per tool call, {@code tool call get_weather(<city>) -> <result>}
     * @return the final answer text
     * @throws com.openai.errors.OpenAIServiceException for an error status, with the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached
     */
    public static String run(Endpoint endpoint, String question, Consumer<String> onStep) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(endpoint.baseUrl())            // used as given: include /v1
                        .apiKey(endpoint.apiKeyOrPlaceholder())
                        .model(endpoint.chatModel())
                        .timeout(Duration.ofMinutes(5))
                        .maxRetries(0)
                        .build())
                .build();
        ChatClient chatClient = ChatClient.create(chatModel);

        return chatClient.prompt()
                .user(question)
                .tools(new WeatherTools(onStep))
                .call()
                .content();
    }

    /** The tools the model may call: each {@link Tool} method is one tool. */
    public static final class WeatherTools {

        private final Consumer<String> onStep;

        /** @param onStep told about every call, with its result */
        public WeatherTools(Consumer<String> onStep) {
            this.onStep = onStep;
        }

        /**
         * Made-up weather, local and deterministic: the same city always gets the same weather.
         *
         * @param city the city's name; Spring AI parses it from the call's JSON arguments
         * @return a JSON object, e.g. {@code {"city":"Paris","temperature_celsius":21,"conditions":"sunny"}}
         */
        @Tool(name = "get_weather", description = "Get the current weather for a city")
        public String getWeather(@ToolParam(description = "The city's name, e.g. Paris") String city) {
            String[] conditions = {"sunny", "cloudy", "rainy", "windy"};
            int seed = Math.floorMod(city.hashCode(), 100);
            String result = "{\"city\":\"" + city.replace("\"", "") + "\",\"temperature_celsius\":" + (5 + seed % 25)
                    + ",\"conditions\":\"" + conditions[seed % conditions.length] + "\"}";
            onStep.accept("tool call get_weather(" + city + ") -> " + result);
            return result;
        }
    }
}
