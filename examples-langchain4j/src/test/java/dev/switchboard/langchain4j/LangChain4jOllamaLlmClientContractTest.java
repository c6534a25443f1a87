package dev.switchboard.langchain4j;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.LlmClientContract;

/**
 * The shared contract for the {@code langchain4j-ollama} style (langchain4j-ollama against
 * {@code /api}).
 *
 * <p>Two cases are skipped, with the reason, because the embedded server deviates from Ollama: it
 * numbers native streamed tool calls {@code function.index} 0 on every NDJSON line, where Ollama
 * counts 0, 1, … per answer ({@code shared/reference/ollama-wire.md}, tool-call {@code index}:
 * {@code tools/tools.go Index: p.n}). langchain4j-ollama merges streamed calls by that index, so the
 * server's two calls become one. Non-streaming tool calls and the one-call round trip pass.
 */
@ExtendWith(LangChain4jOllamaLlmClientContractTest.ServerIndexDeviation.class)
class LangChain4jOllamaLlmClientContractTest extends LlmClientContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return LangChain4jLlmClient.ollama(endpoint);
    }

    /** Skips the streamed two-call cases while the server restarts {@code function.index} per line. */
    static final class ServerIndexDeviation implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String method = context.getTestMethod().map(m -> m.getName()).orElse("");
            String display = context.getUniqueId();
            boolean streamedTwoCalls = method.equals("droppedDuringToolCalls")
                    || (method.equals("twoToolCallsInOneTurn") && display.contains("#2]"));
            return streamedTwoCalls
                    ? ConditionEvaluationResult.disabled("server deviation: streamed native tool calls all carry "
                            + "function.index 0 (Ollama counts 0, 1, ... per answer); langchain4j-ollama merges "
                            + "calls of one index, so the server's two calls arrive as one")
                    : ConditionEvaluationResult.enabled("not affected by the server's tool-call index");
        }
    }
}
