package io.swarmplay.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Jinja applies a test to the filtered value: {@code x | length is number} is
 * {@code (x | length) is number}, because filters and tests bind at the same level, to the operand
 * before them. Jinjava's parser refuses {@code is} after a filter, so inside {@code {{ }}} and
 * {@code {% %}} the operand and its filters are put in parentheses before Jinjava reads the
 * template. Lines are kept, so error positions still point at the user's line.
 */
final class FilterThenTest {

    private FilterThenTest() {
    }

    static String rewrite(String text) {
        if (!text.contains(" is ") || text.indexOf('|') < 0) return text;
        List<int[]> wraps = new ArrayList<>(); // [start of the operand, end of its last filter]
        boolean inTag = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairs = i + 1 < text.length();
            if (!inTag) {
                inTag = c == '{' && pairs && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '%');
                if (inTag) i++;
            } else if ((c == '}' || c == '%') && pairs && text.charAt(i + 1) == '}') {
                inTag = false;
                i++;
            } else if (c == '\'' || c == '"') {
                int end = PercentOperator.stringEnd(text, i);
                if (end < 0) return text; // unclosed: TemplateScan reports it
                i = end - 1;
            } else if (isKeyword(text, i)) {
                int[] wrap = filtered(text, i);
                if (wrap != null) wraps.add(wrap);
            }
        }
        return wraps.isEmpty() ? text : insert(text, wraps);
    }

    // "is" as a word of its own, with white space on both sides
    private static boolean isKeyword(String text, int i) {
        return text.startsWith("is", i) && i > 0 && Character.isWhitespace(text.charAt(i - 1))
                && i + 2 < text.length() && Character.isWhitespace(text.charAt(i + 2));
    }

    /** The operand and filters ending before the {@code is} at {@code at}; null when no filter is there. */
    private static int[] filtered(String text, int at) {
        int end = back(text, at - 1);
        int j = end;
        boolean piped = false;
        while (true) {
            int start = primaryStart(text, j);
            if (start < 0) return null;
            int pipe = back(text, start - 1);
            if (pipe < 0 || text.charAt(pipe) != '|' || (pipe > 0 && text.charAt(pipe - 1) == '|')) {
                return piped ? new int[] {start, end + 1} : null;
            }
            piped = true;
            j = back(text, pipe - 1);
        }
    }

    /** Where the primary ending at {@code j} (a name, number, literal or call with its accesses) starts; -1 when none. */
    private static int primaryStart(String text, int j) {
        int i = j;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == ')' || c == ']' || c == '}') {
                i = opener(text, i);
                if (i < 0) return -1;
                i--;
            } else if (c == '\'' || c == '"') {
                i = quoteStart(text, i) - 1;
                if (i < -1) return -1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                i--;
            } else {
                break;
            }
        }
        return i == j ? -1 : i + 1;
    }

    /** The index of the bracket opening the one that closes at {@code close}, skipping string literals; -1 when none. */
    private static int opener(String text, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = quoteStart(text, i);
                if (i < 0) return -1;
            } else if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if ((c == '(' || c == '[' || c == '{') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int quoteStart(String text, int close) {
        char quote = text.charAt(close);
        for (int i = close - 1; i >= 0; i--) {
            if (text.charAt(i) == quote && (i == 0 || text.charAt(i - 1) != '\\')) return i;
        }
        return -1;
    }

    /** The last non-blank index at or before {@code i}; -1 when none. */
    private static int back(String text, int i) {
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
        return i;
    }

    private static String insert(String text, List<int[]> wraps) {
        List<int[]> marks = new ArrayList<>(); // [index, 0 for '(' or 1 for ')']
        for (int[] w : wraps) {
            marks.add(new int[] {w[0], 0});
            marks.add(new int[] {w[1], 1});
        }
        marks.sort((a, b) -> a[0] != b[0] ? Integer.compare(b[0], a[0]) : Integer.compare(a[1], b[1]));
        StringBuilder out = new StringBuilder(text);
        for (int[] m : marks) out.insert(m[0], m[1] == 0 ? '(' : ')'); // from the end, so earlier indices stay valid
        return out.toString();
    }
}
