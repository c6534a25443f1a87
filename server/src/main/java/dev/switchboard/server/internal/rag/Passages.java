package dev.switchboard.server.internal.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document into passages: paragraphs (separated by blank lines) joined while they fit in
 * {@code maxChars}; a paragraph longer than that is cut at the last space before the limit (or at
 * the limit when there is none). Blank passages are dropped; line ends become {@code \n}.
 */
final class Passages {

    private Passages() {
    }

    static List<String> split(String text, int maxChars) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (current.length() > 0 && current.length() + 2 + p.length() > maxChars) {
                out.add(current.toString());
                current.setLength(0);
            }
            while (p.length() > maxChars) {
                int cut = p.lastIndexOf(' ', maxChars);
                if (cut <= 0) {
                    cut = Character.isHighSurrogate(p.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
                }
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                out.add(p.substring(0, cut).strip());
                p = p.substring(cut).strip();
            }
            if (!p.isEmpty()) {
                if (current.length() > 0) {
                    current.append("\n\n");
                }
                current.append(p);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
