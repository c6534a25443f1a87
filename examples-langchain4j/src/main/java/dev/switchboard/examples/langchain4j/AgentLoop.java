package dev.switchboard.examples.langchain4j;

import java.time.Duration;
import java.util.function.Consumer;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;

/**
 * The agent loop, OpenAI-compatible: an {@link AiServices} interface and a {@link Tool} method.
 * LangChain4j sends the tool's JSON Schema, calls the method for each {@code tool_calls} entry, sends
 * the result back as a {@code role: tool} message with its {@code tool_call_id}, and repeats until an
 * answer has no tool calls (here at most 5 rounds).
 */
public final class AgentLoop {

    private AgentLoop() {
    }

    /** What the model is offered; LangChain4j implements it. */
    interface Assistant {
        String chat(String question);
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

    /** Prints each step and the answer. Environment: LLM_BASE_URL, LLM_API_KEY, LLM_MODEL; blank is unset. */
    public static void main(String[] args) {
        System.out.println(run(env("LLM_BASE_URL", "http://localhost:11434/v1"), env("LLM_API_KEY", "no-key-required"),
                env("LLM_MODEL", "qwen3:0.6b"), "What is the weather in Paris?", System.out::println));
    }

    /**
     * Answers {@code question} with the help of {@code get_weather}, asking the server at {@code baseUrl}
     * (with {@code /v1}); {@code onStep} gets {@code "tool call get_weather <arguments JSON>"} then
     * {@code "tool result <JSON>"} per call. {@code model} must support tools.
     *
     * @throws RuntimeException LangChain4j's, e.g. when the model still calls tools after 5 rounds
     */
    public static String run(String baseUrl, String apiKey, String model, String question, Consumer<String> onStep) {
        ChatModel chat = OpenAiChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(model).maxTokens(512) // bounds each answer
                .timeout(Duration.ofSeconds(120)).maxRetries(0)
                .build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chat)
                .tools(new Weather(onStep))
                .maxSequentialToolsInvocations(5)
                .build();
        return assistant.chat(question);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
