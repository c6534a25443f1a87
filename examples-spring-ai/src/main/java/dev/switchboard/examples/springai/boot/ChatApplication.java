package dev.switchboard.examples.springai.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The same Spring AI model, configured by Spring Boot instead of in code: the OpenAI starter reads
 * {@code spring.ai.openai.*} from {@code application.properties} (base URL with {@code /v1}, API key,
 * models, timeout, retries) and provides an {@code OpenAiChatModel} and a {@code ChatClient.Builder};
 * {@link ChatController} streams answers at {@code GET /chat?q=...} as server-sent events.
 *
 * <p>Run it from the repository root (listens on port 8080):
 * <pre>{@code
 * ./mvnw -q -pl examples-spring-ai -am -DskipTests package exec:java \
 *     -Dexec.mainClass=dev.switchboard.examples.springai.boot.ChatApplication
 * curl -N 'http://localhost:8080/chat?q=Why+is+the+sky+blue%3F'
 * }</pre>
 * {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL} and {@code LLM_EMBEDDING_MODEL}
 * override the defaults (a local Ollama), as for the other examples.
 */
@SpringBootApplication
public class ChatApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }
}
