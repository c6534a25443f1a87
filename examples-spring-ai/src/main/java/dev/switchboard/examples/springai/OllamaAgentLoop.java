package dev.switchboard.examples.springai;

import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Ollama's native API, agent loop: the same {@link Tool} method and {@code ChatClient} loop as
 * {@link AgentLoop} over Spring AI's {@link OllamaChatModel}. Each turn is one
 * {@code POST {rootUrl}/api/chat} with {@code tools}; Ollama sends a call's {@code arguments} as a
 * JSON object, and each result goes back as a {@code role: tool} message naming the tool. The URL
 * is Ollama's root, <em>without</em> {@code /v1}.
 */
public final class OllamaAgentLoop {

    /** Asks about the weather, printing each step; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(rootUrl, model, "What is the weather in Paris?", System.out::println));
    }

    /**
     * Runs the loop: Spring AI runs each call the model makes and returns the first answer without one.
     *
     * @param rootUrl  Ollama's root URL, e.g. {@code http://localhost:11434}
     * @param model    a chat model with the {@code tools} capability
     * @param question the user's message
     * @param onStep   per tool call, {@code tool call get_weather {"city":...}} then {@code tool result {...}}
     * @return the final answer text
     * @throws org.springframework.ai.retry.NonTransientAiException for a 4xx status, with the server's body
     */
    public static String run(String rootUrl, String model, String question, Consumer<String> onStep) {
        OllamaChatModel chatModel = OllamaChatModel.builder()
                .ollamaApi(OllamaApi.builder().baseUrl(rootUrl).build())     // Ollama's root: no /v1
                .options(OllamaChatOptions.builder().model(model).numPredict(512).build()) // numPredict bounds the answer
                .retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0))) // a retry re-runs a generation
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
         * @param city the city's name; Spring AI parses it from the call's arguments
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
