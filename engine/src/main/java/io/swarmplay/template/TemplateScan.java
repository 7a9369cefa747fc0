package io.swarmplay.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a template string once, without Jinjava: whether it is a single {@code {{ expr }}}, which
 * filter and test names it uses (to report unknown ones with a suggestion before anything runs),
 * and unclosed tags. Ansible's {@code ansible.builtin.} prefix on filter and test names is dropped.
 */
final class TemplateScan {

    private static final Pattern BUILTIN_PREFIX = Pattern.compile("(\\|\\s*|\\bis\\s+(?:not\\s+)?)ansible\\.builtin\\.");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");

    /** A name used in the template and the template line it is on. */
    record Name(String name, int line) {
    }

    /**
     * @param text       the template, prefixes dropped
     * @param expression the expression when the whole text is one {@code {{ }}}, else null
     * @param line       the line that expression starts on
     */
    record Parsed(String text, String expression, int line, List<Name> filters, List<Name> tests) {
    }

    /** A template that cannot be read. */
    static final class ScanException extends RuntimeException {
        final int line;
        final String hint;

        ScanException(String message, int line, String hint) {
            super(message, null, false, false);
            this.line = line;
            this.hint = hint;
        }
    }

    /** Nesting of brackets in one expression, and of block tags: Jinjava recurses once per level. */
    static final int MAX_DEPTH = 100;
    private static final java.util.Set<String> BLOCK_TAGS = java.util.Set.of("if", "for", "macro", "call", "filter", "block",
            "autoescape", "ifchanged", "unless");

    private final String text;
    private int blocks;
    private final List<Name> filters = new ArrayList<>();
    private final List<Name> tests = new ArrayList<>();
    private final List<Integer> trims = new ArrayList<>();
    private int regions;
    private String expression;
    private int expressionLine;

    private TemplateScan(String text) {
        this.text = text;
    }

    /** {@code {% for x in xs if cond %}}: Jinja's loop filter, which Jinjava reads as a conditional expression. */
    private static final Pattern LOOP_FILTER = Pattern.compile(
            "\\{%(-?)(\\s*for\\s+[\\w\\s,]+?\\s+in\\s+[^%]+?)\\s+if\\s+((?:(?!\\selse\\s)[^%])+?)\\s*(-?)%}");

    // rewritten to a loop that skips with {% continue %}; loop.index then counts skipped items too
    static String loopFilters(String text) {
        if (!text.contains("for ") || !text.contains(" if ")) return text;
        return LOOP_FILTER.matcher(text).replaceAll(
                "{%$1$2 %}{% if not ($3) %}{% continue %}{% endif $4%}");
    }

    /** True when {@code s} holds {@code {{}}, {@code {%} or {@code {#}: only then is it a template. */
    static boolean hasTemplate(String s) {
        for (int i = s.indexOf('{'); i >= 0 && i < s.length() - 1; i = s.indexOf('{', i + 1)) {
            char next = s.charAt(i + 1);
            if (next == '{' || next == '%' || next == '#') return true;
        }
        return false;
    }

    static Parsed scan(String template) {
        String text = template.contains("ansible.builtin.") ? BUILTIN_PREFIX.matcher(template).replaceAll("$1") : template;
        text = loopFilters(text);
        text = PercentOperator.rewrite(text);
        text = FilterThenTest.rewrite(text);
        text = NumericAttributes.rewrite(text);
        TemplateScan scan = new TemplateScan(text);
        scan.run();
        String single = scan.regions == 1 ? scan.expression : null;
        return new Parsed(scan.trimmed(), single, scan.expressionLine, List.copyOf(scan.filters), List.copyOf(scan.tests));
    }

    /**
     * The text with Jinja's trim_blocks applied (the newline after a block or comment tag dropped).
     * The newline moves inside the tag instead of being removed, because Jinjava's own trim_blocks
     * miscounts the lines of everything after it, and error messages name lines.
     */
    private String trimmed() {
        if (trims.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int close : trims) {
            int newline = text.startsWith("\r\n", close + 2) ? 2 : 1;
            out.append(text, from, close).append(text, close + 2, close + 2 + newline).append(text, close, close + 2);
            from = close + 2 + newline;
        }
        return out.append(text.substring(from)).toString();
    }

    // remembers a tag end followed by a newline, unless '-' already strips it
    private void trimAfter(int close) {
        boolean newline = text.startsWith("\n", close + 2) || text.startsWith("\r\n", close + 2);
        if (newline && text.charAt(close - 1) != '-') trims.add(close);
    }

    private void run() {
        int i = 0;
        int line = 1;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if (c == '{' && (next == '{' || next == '%' || next == '#')) {
                int end = region(i, next, line);
                line += newlines(i, end);
                i = end;
            } else {
                if (c == '\n') line++;
                i++;
            }
        }
    }

    /** Reads one tag starting at {@code start}; returns the index after it. */
    private int region(int start, char kind, int line) {
        if (kind == '#') {
            int end = text.indexOf("#}", start + 2);
            if (end < 0) throw new ScanException("unclosed '{#'", line, "close the comment with '#}'");
            trimAfter(end);
            return end + 2;
        }
        int end = close(start + 2, kind == '{');
        if (end < 0) {
            String tag = kind == '{' ? "'{{'" : "'{%'";
            throw new ScanException("unclosed " + tag, line, "close it with " + (kind == '{' ? "'}}'" : "'%}'"));
        }
        String inner = text.substring(start + 2, end);
        checkDepth(inner, line);
        if (kind == '%') countBlock(inner, line);
        names(inner, line);
        regions++;
        if (kind == '{') expression(start, end, inner, line);
        else trimAfter(end);
        if (kind == '%' && inner.strip().replace("-", "").strip().equals("raw")) return skipRaw(end + 2, line);
        return end + 2;
    }

    private void expression(int start, int end, String inner, int line) {
        // only the first region can be alone; checking later ones would cost the whole text each
        boolean alone = regions == 1 && text.substring(0, start).isBlank() && text.substring(end + 2).isBlank();
        if (!alone) {
            regions++; // text around it: not a single expression
            return;
        }
        String e = inner.strip();
        if (e.startsWith("-")) e = e.substring(1);
        if (e.endsWith("-")) e = e.substring(0, e.length() - 1);
        expression = e.strip();
        expressionLine = line;
    }

    private static void checkDepth(String inner, int line) {
        int depth = 0;
        for (int k = 0; k < inner.length(); k++) {
            char c = inner.charAt(k);
            if (c == '\'' || c == '"') k = skipString(inner, k);
            else if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) throw tooDeep(line);
            } else if (c == ')' || c == ']' || c == '}') depth--;
        }
    }

    private void countBlock(String inner, int line) {
        String tag = inner.strip();
        if (tag.startsWith("-")) tag = tag.substring(1).strip();
        int space = tag.indexOf(' ');
        String word = space < 0 ? tag.replace("-", "") : tag.substring(0, space);
        boolean opens = BLOCK_TAGS.contains(word) || (word.equals("set") && !tag.contains("="));
        if (opens && ++blocks > MAX_DEPTH) throw tooDeep(line);
        if (word.startsWith("end")) blocks--;
    }

    private static ScanException tooDeep(int line) {
        return new ScanException("the template nests more than " + MAX_DEPTH + " levels deep", line,
                "split it into smaller templates or variables");
    }

    private int skipRaw(int from, int line) {
        Matcher m = END_RAW.matcher(text);
        if (!m.find(from)) throw new ScanException("'{% raw %}' without '{% endraw %}'", line, null);
        regions++;
        trimAfter(m.end() - 2);
        return m.end();
    }

    /** The index of the closing {@code }}} or {@code %}}, skipping strings and nested braces; -1 if none. */
    private int close(int from, boolean expression) {
        int depth = 0;
        for (int k = from; k < text.length() - 1; k++) {
            char c = text.charAt(k);
            if (c == '\'' || c == '"') k = endOfString(k);
            else if (c == '{') depth++;
            else if (c == '}' && depth > 0) depth--;
            else if (c == (expression ? '}' : '%') && text.charAt(k + 1) == '}') return k;
        }
        return -1;
    }

    private int endOfString(int open) {
        char quote = text.charAt(open);
        for (int k = open + 1; k < text.length(); k++) {
            if (text.charAt(k) == '\\') k++;
            else if (text.charAt(k) == quote) return k;
        }
        return text.length();
    }

    /** Collects names after {@code |} (filters) and after {@code is} / {@code is not} (tests). */
    private void names(String inner, int startLine) {
        int line = startLine;
        for (int k = 0; k < inner.length(); k++) {
            char c = inner.charAt(k);
            if (c == '\n') line++;
            else if (c == '\'' || c == '"') k = skipString(inner, k);
            else if (c == '|') addName(inner, k + 1, filters, line);
            else if (Character.isJavaIdentifierStart(c)) k = word(inner, k, line) - 1;
        }
    }

    private int word(String inner, int k, int line) {
        int end = identifierEnd(inner, k, false);
        boolean standalone = k == 0 || !Character.isJavaIdentifierPart(inner.charAt(k - 1)) && inner.charAt(k - 1) != '.';
        if (standalone && inner.substring(k, end).equals("is")) {
            int next = skipSpace(inner, end);
            int after = identifierEnd(inner, next, false);
            if (inner.substring(next, after).equals("not")) next = skipSpace(inner, after);
            addName(inner, next, tests, line);
        }
        return end;
    }

    private static void addName(String inner, int from, List<Name> into, int line) {
        int start = skipSpace(inner, from);
        int end = identifierEnd(inner, start, true);
        if (end > start) into.add(new Name(inner.substring(start, end), line));
    }

    private static int skipString(String inner, int open) {
        char quote = inner.charAt(open);
        for (int k = open + 1; k < inner.length(); k++) {
            if (inner.charAt(k) == '\\') k++;
            else if (inner.charAt(k) == quote) return k;
        }
        return inner.length();
    }

    private static int skipSpace(String s, int k) {
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) k++;
        return k;
    }

    private static int identifierEnd(String s, int k, boolean dotted) {
        if (k >= s.length() || !Character.isJavaIdentifierStart(s.charAt(k))) return k;
        int end = k + 1;
        while (end < s.length() && (Character.isJavaIdentifierPart(s.charAt(end)) || dotted && s.charAt(end) == '.')) end++;
        return end;
    }

    private int newlines(int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) if (text.charAt(k) == '\n') n++;
        return n;
    }
}
