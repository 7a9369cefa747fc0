package io.swarmplay.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja's {@code item.0} (an attribute named by digits: the item of a list, as {@code item[0]}),
 * which Jinjava's parser refuses: rewritten to {@code item[0]} in expressions, outside string
 * literals. {@code 1.5} stays a number: the part before the dot must end a name, {@code ]} or {@code )}.
 */
final class NumericAttributes {

    private static final Pattern CHAIN = Pattern.compile("([\\w\\])])\\.(\\d+)(?=$|[^\\w(])");

    private NumericAttributes() {
    }

    static String rewrite(String text) {
        if (!text.contains(".") || !CHAIN.matcher(text).find()) return text;
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            int open = nextTag(text, i);
            if (open < 0) break;
            String close = text.charAt(open + 1) == '{' ? "}}" : "%}";
            int end = text.indexOf(close, open + 2);
            if (end < 0) break;
            out.append(text, i, open + 2).append(expression(text.substring(open + 2, end)));
            i = end;
        }
        return out.append(text.substring(i)).toString();
    }

    private static int nextTag(String text, int from) {
        int a = text.indexOf("{{", from);
        int b = text.indexOf("{%", from);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** The expression with {@code .digits} after a name, {@code ]} or {@code )} as an index, string literals untouched. */
    private static String expression(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(code, i);
                out.append(code, i, end);
                i = end;
                continue;
            }
            int next = nextQuote(code, i);
            out.append(indexes(code.substring(i, next)));
            i = next;
        }
        return out.toString();
    }

    private static String indexes(String code) {
        String once = indexesOnce(code);
        return once.equals(code) ? code : indexes(once); // a.0.1: a[0].1, then a[0][1]
    }

    private static String indexesOnce(String code) {
        Matcher m = CHAIN.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!endsName(code, m.start(1))) continue;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "[" + m.group(2) + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    // the character at `at` ends a name (not a number such as 1.5), or is ] or )
    private static boolean endsName(String code, int at) {
        char c = code.charAt(at);
        if (c == ']' || c == ')') return true;
        int start = at;
        while (start > 0 && (Character.isLetterOrDigit(code.charAt(start - 1)) || code.charAt(start - 1) == '_')) start--;
        return !Character.isDigit(code.charAt(start));
    }

    private static int nextQuote(String code, int from) {
        for (int i = from; i < code.length(); i++) {
            if (code.charAt(i) == '\'' || code.charAt(i) == '"') return i;
        }
        return code.length();
    }

    private static int stringEnd(String code, int start) {
        char quote = code.charAt(start);
        for (int i = start + 1; i < code.length(); i++) {
            if (code.charAt(i) == '\\') i++;
            else if (code.charAt(i) == quote) return i + 1;
        }
        return code.length();
    }
}
