package dev.switchboard.server.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;

/**
 * The steps of one scripted answer, made one at a time as they are played: reasoning chunks, then
 * text chunks (or tool calls), then usage and the finish. Nothing per word is built ahead, so an
 * answer echoing an 8 MB message holds the message's text and one chunk, not millions of events
 * (issue 16, finding 1). Tool calls ignore {@code max_tokens}; text and reasoning share it. Not
 * thread-safe: one call plays it.
 */
public final class ScriptedAnswer implements Iterator<ScriptedCall.Step> {

    private static final Pattern WORD_WITH_SPACE = Pattern.compile("\\S+\\s*");

    private final List<ToolCall> toolCalls;
    private final int wordsPerChunk;
    private final int promptWords;
    private final WordReader reasoning;
    private final WordReader text;
    private int budget;
    private int completion;
    private int nextToolCall;
    private boolean cut;
    private int stage; // 0 reasoning, 1 text or tool calls, 2 usage, 3 finish, 4 done
    private ScriptedCall.Step pending;

    /**
     * @param answer        what the rules answered
     * @param maxTokens     the request's {@code max_tokens}, or null for no limit
     * @param wordsPerChunk words in one chunk; 1 or more
     * @param promptWords   the conversation's word count, for usage
     */
    public ScriptedAnswer(ScriptRules.Answer answer, Integer maxTokens, int wordsPerChunk, int promptWords) {
        this.toolCalls = answer.toolCalls();
        this.wordsPerChunk = wordsPerChunk;
        this.promptWords = promptWords;
        this.reasoning = new WordReader(answer.reasoning());
        this.text = new WordReader(answer.text());
        this.budget = maxTokens == null || !toolCalls.isEmpty() ? Integer.MAX_VALUE : Math.max(0, maxTokens);
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = advance();
        }
        return pending != null;
    }

    @Override
    public ScriptedCall.Step next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ScriptedCall.Step step = pending;
        pending = null;
        return step;
    }

    private ScriptedCall.Step advance() {
        while (true) {
            switch (stage) {
                case 0: {
                    String chunk = chunk(reasoning);
                    if (chunk != null) {
                        return new ScriptedCall.Step(new ChatEvent.ReasoningDelta(chunk), true);
                    }
                    stage = 1;
                    break;
                }
                case 1: {
                    if (!toolCalls.isEmpty()) {
                        if (nextToolCall < toolCalls.size()) {
                            int i = nextToolCall++;
                            return new ScriptedCall.Step(new ChatEvent.ToolCallEvent(i, toolCalls.get(i)), true);
                        }
                    } else {
                        String chunk = chunk(text);
                        if (chunk != null) {
                            return new ScriptedCall.Step(new ChatEvent.TextDelta(chunk), true);
                        }
                    }
                    stage = 2;
                    break;
                }
                case 2:
                    stage = 3;
                    return new ScriptedCall.Step(new ChatEvent.UsageEvent(Usage.of(promptWords, completion)), false);
                case 3:
                    stage = 4;
                    FinishReason reason = !toolCalls.isEmpty() ? FinishReason.TOOL_CALLS
                            : cut ? FinishReason.LENGTH : FinishReason.STOP;
                    return new ScriptedCall.Step(new ChatEvent.Finish(reason), false);
                default:
                    return null;
            }
        }
    }

    /** One text's words, read one at a time. */
    private static final class WordReader {
        private final String text;
        private final Matcher matcher;
        private int position;
        private boolean ended;

        WordReader(String text) {
            this.text = text == null ? "" : text;
            this.matcher = WORD_WITH_SPACE.matcher(this.text);
        }

        /** The next word with the whitespace after it (the first also with any before it); null at the end. */
        String next() {
            if (ended || !matcher.find()) {
                ended = true;
                return null;
            }
            String word = text.substring(position, matcher.end()); // the first word takes any leading whitespace
            position = matcher.end();
            return word;
        }

        /** Whether a word remains, without taking it. */
        boolean hasMore() {
            if (ended) {
                return false;
            }
            for (int i = position; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The next chunk of up to {@code wordsPerChunk} words within the token budget; null at the end
     * or when the budget is spent (noting the cut if words remain).
     */
    private String chunk(WordReader words) {
        StringBuilder chunk = null;
        for (int n = 0; n < wordsPerChunk; n++) {
            if (budget == 0) {
                cut |= words.hasMore();
                break;
            }
            String word = words.next();
            if (word == null) {
                break;
            }
            budget--;
            completion++;
            if (chunk == null) {
                chunk = new StringBuilder(word.length() * wordsPerChunk);
            }
            chunk.append(word);
        }
        return chunk == null ? null : chunk.toString();
    }
}
