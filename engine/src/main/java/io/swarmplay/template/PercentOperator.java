package io.swarmplay.template;

import io.swarmplay.template.filters.StringFilters;

/**
 * Python's {@code %} on a string literal ({@code '%0x' % n}, {@code '%s:%s' % (a, b)}), which
 * Jinjava reads as a numeric modulo: inside {@code {{ }}} and {@code {% %}} it is rewritten to
 * {@code ('%0x' | swarmplay_percent(n))} before Jinjava sees the template. The right operand is a
 * parenthesised expression, a string literal, or a name or number with attribute and index
 * accesses ({@code a.b[0]}). Lines are kept, so error positions still point at the user's text.
 */
final class PercentOperator {

    private PercentOperator() {
    }

    static String rewrite(String text) {
        if (text.indexOf('%') < 0 || (text.indexOf('\'') < 0 && text.indexOf('"') < 0)) return text;
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        boolean inTag = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!inTag) {
                if (c == '{' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '%')) {
                    inTag = true;
                    out.append(text, i, i + 2);
                    i += 2;
                } else {
                    out.append(c);
                    i++;
                }
                continue;
            }
            if ((c == '}' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                inTag = false;
                out.append(text, i, i + 2);
                i += 2;
            } else if (c == '\'' || c == '"') {
                int end = stringEnd(text, i);
                if (end < 0) return text; // unclosed: TemplateScan reports it
                i = literal(text, i, end, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Appends the literal at [start, end) and, when a {@code %} follows, its rewrite; returns where to go on. */
    private static int literal(String text, int start, int end, StringBuilder out) {
        String literal = text.substring(start, end);
        int op = skipSpaces(text, end);
        if (op >= text.length() || text.charAt(op) != '%' || (op + 1 < text.length() && text.charAt(op + 1) == '}')) {
            out.append(literal);
            return end;
        }
        int from = skipSpaces(text, op + 1);
        int to = operandEnd(text, from);
        if (to <= from) {
            out.append(literal);
            return end;
        }
        String operand = rewrite("{{" + text.substring(from, to) + "}}"); // a nested '...' % x in it
        out.append('(').append(literal).append(" | ").append(StringFilters.PERCENT_FILTER).append('(')
                .append(operand, 2, operand.length() - 2).append("))");
        return to;
    }

    private static int operandEnd(String text, int i) {
        if (i >= text.length()) return i;
        char c = text.charAt(i);
        if (c == '(') return close(text, i, '(', ')');
        if (c == '\'' || c == '"') {
            int end = stringEnd(text, i);
            return end < 0 ? i : end;
        }
        int j = i;
        while (j < text.length()) {
            char d = text.charAt(j);
            if (Character.isLetterOrDigit(d) || d == '_' || d == '.') {
                j++;
            } else if (d == '[' && j > i) {
                int k = close(text, j, '[', ']');
                if (k <= j) return j;
                j = k;
            } else {
                break;
            }
        }
        return j;
    }

    /** The index after the bracket matching the one at {@code open}, skipping string literals; {@code open} when unbalanced. */
    private static int close(String text, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(text, i);
                if (end < 0) return open;
                i = end - 1;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
        }
        return open;
    }

    /** The index after the closing quote of the literal starting at {@code start}; -1 when unclosed. */
    static int stringEnd(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == quote) return i + 1;
        }
        return -1;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return i;
    }
}
