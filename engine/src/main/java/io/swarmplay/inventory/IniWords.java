package io.swarmplay.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INI inventory host line as Python's {@code shlex.split(line, comments=True)}, which
 * Ansible uses: blanks separate words, quotes group and are removed, a backslash escapes outside
 * single quotes, and {@code #} outside quotes ends the line. Each word keeps its column.
 */
final class IniWords {

    /** One word and its 0-based offset in the line. */
    record Word(String text, int column) {
    }

    private IniWords() {
    }

    /** @throws IllegalArgumentException for an unterminated quote */
    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#') break;
            if (Character.isWhitespace(c)) {
                if (start >= 0) words.add(new Word(word.toString(), start));
                word.setLength(0);
                start = -1;
                continue;
            }
            if (start < 0) start = i;
            if (c == '\'' || c == '"') i = quoted(line, i, word);
            else if (c == '\\' && i + 1 < line.length()) word.append(line.charAt(++i));
            else word.append(c);
        }
        if (start >= 0) words.add(new Word(word.toString(), start));
        return words;
    }

    private static int quoted(String line, int open, StringBuilder word) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == quote) return i;
            if (quote == '"' && c == '\\' && i + 1 < line.length() && "\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("no closing quotation: the " + (quote == '"' ? "double" : "single")
                + " quote at column " + (open + 1) + " is never closed");
    }
}
