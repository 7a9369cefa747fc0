package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;

import java.util.ArrayList;
import java.util.List;

/**
 * Shell-like word splitting for {@code command: cmd}, as Python's {@code shlex.split}: words are
 * separated by blanks; single quotes keep everything; double quotes keep everything but let a
 * backslash escape {@code " \ $ `}; outside quotes a backslash escapes the next character.
 * Nothing is expanded: {@code $HOME}, globs and pipes stay literal (use {@code shell} for them).
 */
public final class Words {

    private Words() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\'') i = quoted(line, i, '\'', word);
            else if (c == '"') i = quoted(line, i, '"', word);
            else if (c == '\\' && i + 1 < line.length()) word.append(line.charAt(++i));
            else word.append(c);
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** Appends the quoted text starting at {@code open}; returns the index of the closing quote. */
    private static int quoted(String line, int open, char quote, StringBuilder word) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == quote) return i;
            if (quote == '"' && c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw new ModuleException("unterminated " + (quote == '"' ? "double" : "single")
                + " quote in command: " + line);
    }
}
