package dev.switchboard.agent.examples;

import java.math.BigDecimal;
import java.util.function.Consumer;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;

import dev.switchboard.core.Endpoint;

/**
 * The agent task in LangChain4j's idiom: an {@link AiServices} interface, a tool class whose
 * methods carry {@link Tool}, and the loop run by LangChain4j. The JSON Schema comes from the method
 * signature (parameter names need {@code -parameters}, which this project's build sets; without it
 * LangChain4j sees {@code arg0} and the call fails with "Required parameter arg0 ... is missing").
 *
 * <p>The failure paths, made explicit: {@code hallucinatedToolNameStrategy} answers a call to a tool
 * that does not exist, {@code toolArgumentsErrorHandler} and {@code toolExecutionErrorHandler}
 * send a bad-arguments error or the tool's exception back to the model as the tool result, and
 * {@code maxToolCallingRoundTrips} bounds the loop.
 */
public final class LangChain4jAgentLoop {

    /** The most model round trips with tool calls one question may take. */
    public static final int MAX_TURNS = 5;

    /** What the application calls; LangChain4j implements it. */
    interface Assistant {
        @SystemMessage("You are a careful assistant. Do every calculation with the tools, never in your head.")
        String chat(String question);
    }

    /** The tool: a plain class, one method per tool. */
    static final class Calculator {
        private final Consumer<String> onStep;

        Calculator(Consumer<String> onStep) {
            this.onStep = onStep;
        }

        /** {@code a × b}, exact, as plain decimal text; reports the call to {@code onStep}. */
        @Tool("Multiplies two decimal numbers exactly")
        public String multiply(@P("the first factor") BigDecimal a, @P("the second factor") BigDecimal b) {
            String product = a.multiply(b).stripTrailingZeros().toPlainString();
            onStep.accept("tool call multiply " + a.toPlainString() + " x " + b.toPlainString() + " -> " + product);
            return product;
        }
    }

    private LangChain4jAgentLoop() {
    }

    /**
     * Asks {@link AgentLoop#QUESTION} at the endpoint in the environment ({@link Endpoint#fromEnvironment()}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("assistant: " + run(Endpoint.fromEnvironment(), AgentLoop.QUESTION, System.out::println));
    }

    /**
     * Runs the task.
     *
     * @param onStep called with {@code tool call multiply A x B -> PRODUCT} per call
     * @return the model's final text
     * @throws RuntimeException LangChain4j's exceptions for HTTP errors and for more than
     *                          {@link #MAX_TURNS} round trips
     */
    public static String run(Endpoint endpoint, String question, Consumer<String> onStep) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())            // with /v1
                .apiKey(endpoint.apiKeyOrPlaceholder()) // local servers ignore it
                .modelName(endpoint.chatModel())
                .maxTokens(512)                         // bounds each answer: max_tokens
                .timeout(endpoint.readTimeout())
                .maxRetries(0)                          // a retry would be a whole new generation
                .build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(new Calculator(onStep))
                .maxToolCallingRoundTrips(MAX_TURNS)
                .hallucinatedToolNameStrategy(request -> ToolExecutionResultMessage.from(request,
                        "Error: there is no tool called " + request.name()))
                .toolArgumentsErrorHandler((error, context) -> ToolErrorHandlerResult.text(
                        "Error: bad arguments for " + context.toolExecutionRequest().name() + ": " + error.getMessage()))
                .toolExecutionErrorHandler((error, context) -> ToolErrorHandlerResult.text(
                        "Error: " + context.toolExecutionRequest().name() + " failed: " + error.getMessage()))
                .build();
        return assistant.chat(question);
    }
}
