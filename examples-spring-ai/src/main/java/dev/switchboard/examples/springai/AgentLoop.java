package dev.switchboard.examples.springai;

import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * Scenario 4, an agent loop: the model may ask for a tool, the program runs it and sends the result
 * back, until the model answers in words. In Spring AI a tool is a method marked {@link Tool};
 * {@code ChatClient} offers it in {@code tools} (a JSON Schema generated from the parameters), runs
 * it for each of the model's {@code tool_calls}, and sends one {@code role: tool} message per call
 * back in the next {@code POST {baseUrl}/chat/completions}. With Ollama the model needs the
 * {@code tools} capability.
 */
public final class AgentLoop {

    /** Asks about the weather, printing each step; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(baseUrl, apiKey, model, "What is the weather in Paris?", System.out::println));
    }

    /**
     * Runs the loop: Spring AI runs each call the model makes and returns the first answer without one.
     *
     * @param baseUrl  an OpenAI-compatible base URL, used as given, so ending in {@code /v1}
     * @param apiKey   sent as a bearer token; local servers ignore it, but the SDK requires one
     * @param model    a chat model that can call tools
     * @param question the user's message
     * @param onStep   per tool call, {@code tool call get_weather {"city":...}} then {@code tool result {...}}
     * @return the final answer text
     * @throws com.openai.errors.OpenAIServiceException for an error status, with the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached
     */
    public static String run(String baseUrl, String apiKey, String model, String question, Consumer<String> onStep) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(baseUrl)                       // used as given: include /v1
                        .apiKey(apiKey)
                        .model(model)
                        .maxTokens(512)                         // bounds the answer: max_tokens
                        .timeout(Duration.ofMinutes(5))
                        .maxRetries(0)
                        .build())
                .build();
        return ChatClient.create(chatModel).prompt().user(question).tools(new WeatherTools(onStep)).call().content();
    }

    /** The tools the model may call: each {@link Tool} method is one tool. */
    public static final class WeatherTools {

        private final Consumer<String> onStep;

        /** @param onStep told about every call and its result */
        public WeatherTools(Consumer<String> onStep) {
            this.onStep = onStep;
        }

        /**
         * Made-up weather, deterministic: the same city always gets the same weather.
         *
         * @param city the city's name; Spring AI parses it from the call's JSON arguments
         * @return a JSON object, e.g. {@code {"city":"Paris","temperature_celsius":21,"conditions":"sunny"}}
         */
        @Tool(name = "get_weather", description = "Get the current weather for a city")
        public String getWeather(@ToolParam(description = "The city's name, e.g. Paris") String city) {
            String name = city.replace("\"", "").replace("\\", "");
            onStep.accept("tool call get_weather {\"city\":\"" + name + "\"}");
            String[] conditions = {"sunny", "cloudy", "rainy", "windy"};
            int seed = Math.floorMod(name.hashCode(), 100);
            String result = "{\"city\":\"" + name + "\",\"temperature_celsius\":" + (5 + seed % 25)
                    + ",\"conditions\":\"" + conditions[seed % conditions.length] + "\"}";
            onStep.accept("tool result " + result);
            return result;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
