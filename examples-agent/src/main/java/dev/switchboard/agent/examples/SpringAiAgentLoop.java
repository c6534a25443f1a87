package dev.switchboard.agent.examples;

import java.math.BigDecimal;
import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import dev.switchboard.core.Endpoint;

/**
 * The agent task in Spring AI's idiom: a {@link ChatClient} call with {@code .tools(...)}, an object
 * whose methods carry {@link Tool}; Spring AI derives each tool's JSON Schema (with victools), runs
 * the calls the model asks for and sends the results back until the model answers. No Spring Boot
 * here: the model is built by hand, as a Boot application's auto-configuration would build it.
 *
 * <p>Spring AI 2 is built on the official openai-java SDK, so the same settings for a local model
 * apply: the base URL <em>with</em> {@code /v1} (Spring AI uses it as given), a placeholder key,
 * {@code maxRetries(0)}. A tool that throws is reported to the model as the tool result by Spring
 * AI's default {@code ToolExecutionExceptionProcessor}.
 */
public final class SpringAiAgentLoop {

    /** The tool: a plain object, one method per tool. */
    static final class Calculator {
        private final Consumer<String> onStep;

        Calculator(Consumer<String> onStep) {
            this.onStep = onStep;
        }

        /** {@code a × b}, exact, as plain decimal text; reports the call to {@code onStep}. */
        @Tool(description = "Multiplies two decimal numbers exactly")
        public String multiply(@ToolParam(description = "the first factor") BigDecimal a,
                @ToolParam(description = "the second factor") BigDecimal b) {
            String product = a.multiply(b).stripTrailingZeros().toPlainString();
            onStep.accept("tool call multiply " + a.toPlainString() + " x " + b.toPlainString() + " -> " + product);
            return product;
        }
    }

    private SpringAiAgentLoop() {
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
     * @throws RuntimeException Spring AI's and the SDK's exceptions for HTTP errors
     */
    public static String run(Endpoint endpoint, String question, Consumer<String> onStep) {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(endpoint.baseUrl())            // with /v1
                        .apiKey(endpoint.apiKeyOrPlaceholder()) // the SDK needs one
                        .model(endpoint.chatModel())
                        .maxTokens(512)                         // bounds each answer: max_tokens
                        .maxRetries(0)                          // a retry would be a whole new generation
                        .timeout(endpoint.readTimeout())
                        .build())
                .build();
        return ChatClient.create(model).prompt()
                .system("You are a careful assistant. Do every calculation with the tools, never in your head.")
                .user(question)
                .tools(new Calculator(onStep))
                .call()
                .content();
    }
}
