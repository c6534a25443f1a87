package dev.switchboard.server.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ToolCall;

/**
 * Rules 1 to 6 of the scripted engine: what it answers to a conversation, before chunking and
 * {@code max_tokens}. Pure and deterministic. The rules in words are in the server README.
 */
public final class ScriptRules {

    /** The fixed answer of rule 4. */
    public static final String UNICODE_ANSWER = "你好 😊 Unicode works.";

    private static final Pattern FACT = Pattern.compile(
            "\\bmy\\s+([\\p{L}\\p{N}_-]+)\\s+is\\s+([^.!?,]+)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern QUESTION = Pattern.compile(
            "\\bwhat(?:\\s+is|\\s*['\u2019]s)\\s+my\\s+([\\p{L}\\p{N}_-]+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ScriptRules() {
    }

    /**
     * What the engine answers.
     *
     * @param reasoning the reasoning text (rule 6), or null when {@code reasons} is false
     * @param text      the answer text; empty when the answer is tool calls
     * @param toolCalls the tool calls (rule 1); empty when the answer is text
     */
    public record Answer(String reasoning, String text, List<ToolCall> toolCalls) {
    }

    /**
     * Applies the rules to {@code request}.
     *
     * @param reasons whether the model reasons (rule 6)
     */
    public static Answer answer(ChatRequest request, boolean reasons) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.get(messages.size() - 1);
        String lastUser = Conversation.lastUserText(messages);
        String reasoning = reasons ? reasoning(lastUser != null ? lastUser : Conversation.content(last)) : null;
        if (!request.tools().isEmpty() && last instanceof ChatMessage.UserMessage) {
            List<ToolCall> calls = ToolCallRule.calls(request.tools(), lastUser, messages);
            if (!calls.isEmpty()) {
                return new Answer(reasoning, "", calls);
            }
        }
        if (last instanceof ChatMessage.ToolMessage) {
            return new Answer(reasoning, toolResults(messages), List.of());
        }
        String said = lastUser == null ? "" : lastUser;
        String remembered = memory(messages, said);
        if (remembered != null) {
            return new Answer(reasoning, remembered, List.of());
        }
        if (said.toLowerCase(Locale.ROOT).contains("unicode")) {
            return new Answer(reasoning, UNICODE_ANSWER, List.of());
        }
        return new Answer(reasoning, "You said: " + said.trim(), List.of());
    }

    /** Rule 6: "The user wrote N words. I will answer." */
    static String reasoning(String text) {
        return "The user wrote " + Words.count(text) + " words. I will answer.";
    }

    /** Rule 2: "name returned content." for each tool message after the last assistant message. */
    static String toolResults(List<ChatMessage> messages) {
        int start = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ChatMessage.AssistantMessage) {
                start = i + 1;
                break;
            }
        }
        List<String> parts = new ArrayList<>();
        for (ChatMessage m : messages.subList(start, messages.size())) {
            if (m instanceof ChatMessage.ToolMessage) {
                ChatMessage.ToolMessage t = (ChatMessage.ToolMessage) m;
                parts.add(Conversation.toolName(messages, t.toolCallId()) + " returned " + t.content() + ".");
            }
        }
        return String.join(" ", parts);
    }

    /** Rule 3: an answer about remembered facts, or null when the last user message neither asks nor tells. */
    static String memory(List<ChatMessage> messages, String lastUser) {
        Map<String, String> facts = new HashMap<>();
        for (ChatMessage m : messages) {
            if (m instanceof ChatMessage.UserMessage) {
                Matcher f = FACT.matcher(((ChatMessage.UserMessage) m).content());
                while (f.find()) {
                    String value = f.group(2).trim();
                    if (!value.isEmpty()) {
                        facts.put(f.group(1).toLowerCase(Locale.ROOT), value);
                    }
                }
            }
        }
        Matcher q = QUESTION.matcher(lastUser);
        if (q.find()) {
            String name = q.group(1);
            String value = facts.get(name.toLowerCase(Locale.ROOT));
            return value == null ? "I don't know your " + name + " yet." : "Your " + name + " is " + value + ".";
        }
        Matcher told = FACT.matcher(lastUser);
        while (told.find()) {
            String value = told.group(2).trim();
            if (!value.isEmpty()) {
                String name = told.group(1);
                return "name".equalsIgnoreCase(name) ? "Nice to meet you, " + value + "."
                        : "Nice to know that your " + name + " is " + value + ".";
            }
        }
        return null;
    }
}
