package dev.switchboard.examples.langchain4j;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.switchboard.core.Endpoint;

/**
 * Scenario 4, the agent loop, OpenAI-compatible flavour: an {@link AiServices} interface and a class
 * with {@link Tool} methods. LangChain4j runs the loop: it sends the tools' JSON Schemas (from the
 * method signatures; parameter names need {@code javac -parameters}), calls the method for each
 * {@code tool_calls} entry, sends the result back as a {@code role: tool} message with its
 * {@code tool_call_id}, and repeats until an answer has no tool calls (here at most 5 rounds).
 *
 * <p>No Ollama-native twin: langchain4j-ollama 1.18.1 sends tool results without {@code tool_name}
 * or {@code tool_call_id} (see the module README); with Ollama use this class on its {@code /v1}.
 */
public final class AgentLoop {

    private AgentLoop() {
    }

    /** What the model is offered; LangChain4j implements it. */
    public interface Assistant {
        /**
         * @param question the user's message
         * @return the final answer, after any tool calls
         */
        String chat(String question);
    }

    /** The tools: {@code get_weather(city)}, answering a fixed forecast, and remembering each call. */
    public static final class WeatherTools {
        private final List<String> cities = new CopyOnWriteArrayList<>();

        /**
         * The tool the model may call.
         *
         * @param city the city, as the model wrote it
         * @return a small JSON forecast, sent back to the model as the tool's result
         */
        @Tool(name = "get_weather", value = "Current weather in a city")
        public String getWeather(@P("the city, e.g. Paris") String city) {
            cities.add(city);
            return "{\"city\":\"" + city + "\",\"temperature_c\":21,\"sky\":\"clear\"}";
        }

        /** The cities the model asked about, in call order. */
        public List<String> cities() {
            return List.copyOf(cities);
        }
    }

    /**
     * Asks about the weather and prints the answer and the tool calls made. Environment:
     * {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL} (a model with tool support, e.g.
     * {@code qwen3:0.6b}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        WeatherTools tools = new WeatherTools();
        System.out.println(run(Endpoint.fromEnvironment(), "What is the weather in Paris?", tools));
        System.out.println("get_weather was called for " + tools.cities());
    }

    /**
     * Runs the loop for one question.
     *
     * @param endpoint base URL with {@code /v1}, key, chat model, read timeout
     * @param question the user's message
     * @param tools    the tools offered
     * @return the final answer
     * @throws RuntimeException LangChain4j's, e.g. when the model still calls tools after 5 rounds
     */
    public static String run(Endpoint endpoint, String question, WeatherTools tools) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKeyOrPlaceholder())
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
                .maxRetries(0)
                .build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(tools)
                .maxSequentialToolsInvocations(5)
                .build();
        return assistant.chat(question);
    }
}
