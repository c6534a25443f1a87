package dev.switchboard.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words as the scripted engine counts them: whitespace-separated runs; a "token" is one word.
 */
public final class Words {

    private static final Pattern WORD_WITH_SPACE = Pattern.compile("\\S+\\s*");

    private Words() {
    }

    /** The number of whitespace-separated words in {@code text}; 0 for null or blank. */
    public static int count(String text) {
        if (text == null) {
            return 0;
        }
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }

    /** The words of {@code text}, in order; empty for null or blank. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String w : text.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /**
     * Splits {@code text} into one piece per word, each keeping the whitespace that follows it (the
     * first also keeps any leading whitespace), so the pieces concatenate to {@code text} exactly;
     * empty when {@code text} has no word.
     */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = WORD_WITH_SPACE.matcher(text);
        boolean first = true;
        while (m.find()) {
            out.add(first ? text.substring(0, m.end()) : m.group());
            first = false;
        }
        return out; // whitespace only: no word, no piece
    }

    /** Joins consecutive tokens into chunks of {@code perChunk} tokens (the last may be shorter). */
    public static List<String> chunk(List<String> tokens, int perChunk) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i += perChunk) {
            out.add(String.join("", tokens.subList(i, Math.min(tokens.size(), i + perChunk))));
        }
        return out;
    }
}
