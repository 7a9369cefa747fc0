package io.swarmplay.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code _escape_backslashes}: in a template string (a task argument, a variable; not a
 * template file, not a condition) the backslashes of string literals inside {@code {{ }}} are
 * doubled before Jinja reads them, so that a literal keeps what YAML gave it:
 * {@code regex_search('(good)(bye)', '\\2')} passes {@code \2}, and {@code '\n' | length} is 2.
 */
final class Backslashes {

    /** The next place where Jinja's lexer changes mode: an expression, a raw block, a comment. */
    private static final Pattern OPENING = Pattern.compile("\\{\\{|\\{%-?\\s*raw\\s*-?%}|\\{#");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");

    private Backslashes() {
    }

    static String doubledInExpressions(String text) {
        if (text.indexOf('\\') < 0 || !text.contains("{{")) return text;
        StringBuilder out = new StringBuilder(text.length() + 8);
        Matcher opening = OPENING.matcher(text);
        int i = 0;
        while (i < text.length() && opening.find(i)) {
            out.append(text, i, opening.end());
            i = opening.end();
            String found = opening.group();
            if (found.equals("{{")) {
                i = expression(text, i, out);
            } else {
                int end = found.equals("{#") ? endOf(text.indexOf("#}", i), 2) : endRaw(text, i);
                int stop = end < 0 ? text.length() : end;
                out.append(text, i, stop);
                i = stop;
            }
        }
        if (i < text.length()) out.append(text, i, text.length());
        return out.toString();
    }

    // copies one {{ ... }} up to its closing braces, doubling backslashes inside its quoted strings
    private static int expression(String text, int from, StringBuilder out) {
        char quote = 0;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote == 0 && text.startsWith("}}", i)) return i;
            if (quote != 0 && c == '\\') {
                out.append("\\\\");
            } else {
                if (quote == 0 && (c == '\'' || c == '"')) quote = c;
                else if (c == quote) quote = 0;
                out.append(c);
            }
            i++;
        }
        return i;
    }

    private static int endRaw(String text, int from) {
        Matcher end = END_RAW.matcher(text);
        return end.find(from) ? end.end() : -1;
    }

    private static int endOf(int index, int length) {
        return index < 0 ? -1 : index + length;
    }
}
