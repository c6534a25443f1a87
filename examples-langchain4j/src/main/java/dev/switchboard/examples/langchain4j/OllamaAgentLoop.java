package dev.switchboard.examples.langchain4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.service.tool.DefaultToolExecutor;

/**
 * The agent loop, Ollama-native, written out: langchain4j-ollama 1.18.1 (so {@code AiServices})
 * sends a tool result without the {@code tool_name} Ollama documents, so here each result goes as a
 * {@link CustomMessage} {@code {"role":"tool","content":..,"tool_name":..}}. The {@link Tool} method
 * runs through LangChain4j's {@link DefaultToolExecutor}. At most 5 rounds.
 */
public final class OllamaAgentLoop {

    private OllamaAgentLoop() {
    }

    /** The tool {@code get_weather(city)}: made-up weather, the same for every call. */
    static final class Weather {
        private final Consumer<String> onStep;

        Weather(Consumer<String> onStep) {
            this.onStep = onStep;
        }

        @Tool(name = "get_weather", value = "Current weather in a city")
        public String getWeather(@P(name = "city", value = "the city, e.g. Paris") String city) {
            onStep.accept("tool call get_weather {\"city\":\"" + city + "\"}");
            String result = "{\"city\":\"" + city + "\",\"temperature_c\":21,\"sky\":\"clear\"}";
            onStep.accept("tool result " + result);
            return result;
        }
    }

    /** Prints each step and the answer. Environment: LLM_BASE_URL (its root), LLM_MODEL; blank is unset. */
    public static void main(String[] args) throws NoSuchMethodException {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        System.out.println(run(rootUrl, env("LLM_MODEL", "qwen3:0.6b"), "What is the weather in Paris?",
                System.out::println));
    }

    /**
     * Answers {@code question} with the help of {@code get_weather}, asking Ollama at {@code rootUrl} (no
     * {@code /v1}); {@code onStep} gets {@code "tool call get_weather <arguments JSON>"} then
     * {@code "tool result <JSON>"} per call. {@code model} must support tools.
     *
     * @throws IllegalStateException if the model still calls tools after 5 rounds
     * @throws NoSuchMethodException never: {@code Weather.getWeather(String)} exists
     * @throws dev.langchain4j.exception.LangChain4jException if a call fails
     */
    public static String run(String rootUrl, String model, String question, Consumer<String> onStep)
            throws NoSuchMethodException {
        ChatModel chat = OllamaChatModel.builder().baseUrl(rootUrl).modelName(model).numPredict(512)
                .timeout(Duration.ofSeconds(120)).maxRetries(0).build();
        Weather weather = new Weather(onStep);
        DefaultToolExecutor getWeather = new DefaultToolExecutor(weather,
                Weather.class.getMethod("getWeather", String.class));
        List<ChatMessage> messages = new ArrayList<>(List.of(UserMessage.from(question)));
        for (int round = 0; round < 5; round++) {
            AiMessage reply = chat.chat(ChatRequest.builder().messages(messages)
                    .toolSpecifications(ToolSpecifications.toolSpecificationsFrom(weather)).build()).aiMessage();
            if (!reply.hasToolExecutionRequests()) {
                return reply.text();
            }
            messages.add(reply);
            for (ToolExecutionRequest call : reply.toolExecutionRequests()) {
                String result = getWeather.execute(call, null); // the only tool: every call is get_weather
                messages.add(CustomMessage.from(Map.of("role", "tool", "content", result, "tool_name", call.name())));
            }
        }
        throw new IllegalStateException("still calling tools after 5 rounds");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
