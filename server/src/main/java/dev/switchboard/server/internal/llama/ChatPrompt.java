package dev.switchboard.server.internal.llama;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ToolCall;

/**
 * Turns a conversation into the prompt text the model's own chat template makes of it.
 *
 * <p>Two guards keep the native template code on known ground. The messages are first brought to
 * the shape every chat template accepts, and which the probe renders once before a model is
 * served: an optional leading system message, then user and assistant turns, consecutive turns of
 * one role merged. Tool results become user turns ({@code Tool result (call_id): …}) and an
 * assistant's tool calls become text, one JSON object per call in the shape the model is asked to
 * call in ({@code {"name":…,"arguments":{…}}}, see {@link ToolPrompt}). Then the template is applied to placeholders rather than
 * the contents, and the contents are put in afterwards in Java: no user text reaches the template
 * engine, and text outside the Basic Multilingual Plane is not mangled by JNI's modified UTF-8.
 */
public final class ChatPrompt {

    private static final String MARK = "\u2063sb";

    private ChatPrompt() {
    }

    /** A role and its text, after normalisation. */
    public record Turn(String role, String content) {
    }

    /** The messages in the shape every template accepts (see the class comment). */
    public static List<Turn> normalise(List<ChatMessage> messages) {
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            String role;
            String content;
            if (m instanceof ChatMessage.SystemMessage s) {
                role = turns.isEmpty() ? "system" : "user";
                content = s.content();
            } else if (m instanceof ChatMessage.UserMessage u) {
                role = "user";
                content = u.content();
            } else if (m instanceof ChatMessage.AssistantMessage a) {
                role = "assistant";
                StringBuilder text = new StringBuilder(a.content() == null ? "" : a.content());
                for (ToolCall call : a.toolCalls()) {
                    text.append(text.length() == 0 ? "" : "\n").append("{\"name\":")
                            .append('"').append(JsonStringEncoder.getInstance().quoteAsString(call.name())).append('"')
                            .append(",\"arguments\":").append(call.arguments()).append('}');
                }
                content = text.toString();
            } else {
                ChatMessage.ToolMessage t = (ChatMessage.ToolMessage) m;
                role = "user";
                content = "Tool result (" + t.toolCallId() + "): " + t.content();
            }
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.role().equals(role)) {
                turns.set(turns.size() - 1, new Turn(role, last.content() + "\n\n" + content));
            } else {
                turns.add(new Turn(role, content));
            }
        }
        return turns;
    }

    /** The JSON {@code LlamaModel.applyTemplate} takes, with placeholder contents. */
    public static String templateRequest(List<Turn> turns) {
        return templateRequest(turns, null);
    }

    /**
     * The JSON {@code LlamaModel.applyTemplate} takes, with placeholder contents and, when
     * {@code toolsJson} is not null, OpenAI's {@code tools} array for a template that renders tools.
     */
    public static String templateRequest(List<Turn> turns, String toolsJson) {
        StringBuilder json = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < turns.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"role\":\"").append(turns.get(i).role())
                    .append("\",\"content\":\"").append(placeholder(i)).append("\"}");
        }
        json.append(']');
        if (toolsJson != null) {
            json.append(",\"tools\":").append(toolsJson);
        }
        return json.append('}').toString();
    }

    /**
     * Puts the contents into the rendered template.
     *
     * @throws IllegalStateException if the template dropped or repeated a message (the rendering
     *                               cannot be trusted then)
     */
    public static String fill(String rendered, List<Turn> turns) {
        String out = rendered;
        for (int i = turns.size() - 1; i >= 0; i--) {
            String mark = placeholder(i);
            int at = out.indexOf(mark);
            if (at < 0 || out.indexOf(mark, at + 1) >= 0) {
                throw new IllegalStateException("the chat template did not render message " + i + " exactly once");
            }
            out = out.substring(0, at) + turns.get(i).content() + out.substring(at + mark.length());
        }
        return out;
    }

    private static String placeholder(int i) {
        return MARK + i + "\u2063";
    }
}
