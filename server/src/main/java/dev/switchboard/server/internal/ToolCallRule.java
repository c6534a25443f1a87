package dev.switchboard.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;

/**
 * Rule 1 of the scripted engine: which offered tool the user asked for, and its arguments, built
 * from the tool's JSON Schema and the user's words. See the server README for the rule in words.
 */
public final class ToolCallRule {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IGNORED_PARTS = Set.of("get", "set", "the");
    private static final Pattern NAME_PARTS = Pattern.compile(
            "[_\\-\\s]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?");
    private static final String STRIPPED = "?.,!";

    private ToolCallRule() {
    }

    /**
     * The calls for {@code userText}, or an empty list when no tool's name matches.
     *
     * @param tools        the offered tools, in request order
     * @param userText     the last message's text (a user message)
     * @param conversation all messages, for the deterministic call ids
     */
    public static List<ToolCall> calls(List<ToolSpec> tools, String userText, List<ChatMessage> conversation) {
        ToolSpec best = bestMatch(tools, userText);
        if (best == null) {
            return List.of();
        }
        List<String> arguments = arguments(best, userText);
        MessageDigest conversationHash = conversationHash(conversation); // once, not once per call
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            calls.add(new ToolCall(callId(conversationHash, i), best.name(), arguments.get(i)));
        }
        return calls;
    }

    /**
     * The tool whose name best matches {@code userText} by this rule's scoring (one point per name
     * part that is a word of the text; the first offered wins a tie), or null when none scores.
     */
    public static ToolSpec bestMatch(List<ToolSpec> tools, String userText) {
        Set<String> userWords = new LinkedHashSet<>();
        for (String w : cleanWords(userText)) {
            userWords.add(w.toLowerCase(Locale.ROOT));
        }
        ToolSpec best = null;
        int bestScore = 0;
        for (ToolSpec tool : tools) {
            int score = 0;
            for (String part : nameParts(tool.name())) {
                if (userWords.contains(part)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = tool;
                bestScore = score;
            }
        }
        return best;
    }

    /** The name split on {@code _}, {@code -} and camelCase, lower-cased, without short and ignored parts. */
    static Set<String> nameParts(String name) {
        Set<String> parts = new LinkedHashSet<>();
        for (String p : NAME_PARTS.split(name)) {
            String lower = p.toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && !IGNORED_PARTS.contains(lower)) {
                parts.add(lower);
            }
        }
        return parts;
    }

    /** Whitespace-separated words with {@code ?.,!} removed; empty words dropped. */
    static List<String> cleanWords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Words.split(text)) {
            StringBuilder b = new StringBuilder(w.length());
            for (int i = 0; i < w.length(); i++) {
                if (STRIPPED.indexOf(w.charAt(i)) < 0) {
                    b.append(w.charAt(i));
                }
            }
            if (b.length() > 0) {
                out.add(b.toString());
            }
        }
        return out;
    }

    /** One JSON arguments object per call: one per capitalised word when a string property takes them. */
    static List<String> arguments(ToolSpec tool, String userText) {
        JsonNode properties = properties(tool.parametersJson());
        List<String> capitalised = capitalisedWords(userText);
        List<String> numbers = numbers(userText);
        Set<String> lowerCaseWords = new LinkedHashSet<>();
        for (String w : cleanWords(userText)) {
            lowerCaseWords.add(w.toLowerCase(Locale.ROOT));
        }
        boolean takesWords = false;
        List<Map.Entry<String, JsonNode>> props = new ArrayList<>(properties.properties());
        for (Map.Entry<String, JsonNode> p : props) {
            takesWords |= "string".equals(type(p.getValue())) && !p.getValue().has("enum");
        }
        int calls = takesWords ? Math.max(1, capitalised.size()) : 1;
        List<String> out = new ArrayList<>();
        for (int call = 0; call < calls; call++) {
            ObjectNode args = JSON.createObjectNode();
            int nextNumber = 0;
            for (Map.Entry<String, JsonNode> p : props) {
                String type = type(p.getValue());
                if ("string".equals(type)) {
                    String value = p.getValue().has("enum") ? mentionedEnumValue(p.getValue().get("enum"), lowerCaseWords)
                            : call < capitalised.size() ? capitalised.get(call) : null;
                    if (value != null) {
                        args.put(p.getKey(), value);
                    }
                } else if ("number".equals(type) || "integer".equals(type)) {
                    if (nextNumber < numbers.size()) {
                        putNumber(args, p.getKey(), numbers.get(nextNumber++));
                    }
                } else if ("boolean".equals(type)) {
                    args.put(p.getKey(), true);
                }
            }
            out.add(write(args));
        }
        return out;
    }

    private static JsonNode properties(String schema) {
        try {
            JsonNode props = JSON.readTree(schema).path("properties");
            return props.isObject() ? props : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode(); // a schema that is not JSON offers no properties
        }
    }

    private static String type(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode t : type) { // ["string", "null"]
            if (t.isTextual() && !"null".equals(t.asText())) {
                return t.asText();
            }
        }
        return "";
    }

    /** Capitalised words other than the first word and one-letter words, without repeats, in order. */
    static List<String> capitalisedWords(String text) {
        List<String> words = cleanWords(text);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() > 1 && Character.isUpperCase(w.codePointAt(0))) {
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    /** The numbers of {@code text} as written ({@code -?digits(.digits)?}), in order. */
    static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String mentionedEnumValue(JsonNode values, Set<String> words) {
        for (JsonNode v : values) {
            if (v.isTextual() && words.contains(v.asText().toLowerCase(Locale.ROOT))) {
                return v.asText();
            }
        }
        return null;
    }

    /**
     * A whole number that fits a {@code long} as an integer, any other as the nearest double. Linear
     * in the digits: {@code BigDecimal} with {@code stripTrailingZeros} was quadratic, and one
     * 200,000-digit number held the event loop for seconds (issue 16, finding 2).
     */
    static void putNumber(ObjectNode args, String name, String n) {
        int dot = n.indexOf('.');
        boolean whole = true;
        for (int i = dot + 1; dot >= 0 && i < n.length(); i++) {
            whole &= n.charAt(i) == '0';
        }
        String integer = dot < 0 ? n : n.substring(0, dot);
        int firstDigit = integer.startsWith("-") ? 1 : 0;
        while (firstDigit < integer.length() - 1 && integer.charAt(firstDigit) == '0') {
            firstDigit++;
        }
        if (whole && integer.length() - firstDigit <= 19) {
            try {
                args.put(name, Long.parseLong(integer));
                return;
            } catch (NumberFormatException outsideLong) {
                // 19 digits above Long.MAX_VALUE: a double, below
            }
        }
        args.put(name, Double.parseDouble(n)); // FloatingDecimal reads at most 1,100 digits: linear
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // an ObjectNode of strings, numbers and booleans always writes
        }
    }

    /** {@code call_} + 8 lower-case hex digits from a hash of the conversation and the call index. */
    static String callId(List<ChatMessage> conversation, int index) {
        return callId(conversationHash(conversation), index);
    }

    /** A SHA-256 that has read the conversation (roles and contents); cloned for each call's id. */
    private static MessageDigest conversationHash(List<ChatMessage> conversation) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ChatMessage m : conversation) {
                digest.update((m.role() + '\u0000' + Conversation.content(m) + '\u0001').getBytes(StandardCharsets.UTF_8));
            }
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String callId(MessageDigest conversationHash, int index) {
        byte[] hash;
        try {
            MessageDigest digest = (MessageDigest) conversationHash.clone();
            hash = digest.digest(("#" + index).getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
        }
        StringBuilder id = new StringBuilder("call_");
        for (int i = 0; i < 4; i++) {
            id.append(Character.forDigit((hash[i] >> 4) & 0xF, 16)).append(Character.forDigit(hash[i] & 0xF, 16));
        }
        return id.toString();
    }
}
