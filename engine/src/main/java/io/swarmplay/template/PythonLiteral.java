package io.swarmplay.template;

import io.swarmplay.template.filters.PyTuple;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code ast.literal_eval} of a whole text, with JSON's {@code true}, {@code false} and
 * {@code null} read as Python's constants (Ansible's {@code Json2Python}): strings (prefixes, escapes,
 * triple quotes, adjacent ones joined), numbers (decimal, hex, octal, binary, underscores, floats,
 * one sign), {@code True}/{@code False}/{@code None}, lists, tuples, dicts and sets, with comments and
 * line breaks inside brackets. Anything else (names, calls, operators, complex numbers) is not a literal.
 */
final class PythonLiteral {

    private static final int MAX_DEPTH = 100;
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final String EXPONENT = "[eE][+-]?" + DIGITS;
    private static final Pattern FLOAT = Pattern.compile("(?:" + DIGITS + "\\.(?:" + DIGITS + ")?(?:" + EXPONENT + ")?"
            + "|\\." + DIGITS + "(?:" + EXPONENT + ")?|" + DIGITS + EXPONENT + ")");
    private static final Pattern INTEGER = Pattern.compile("0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+"
            + "|0(?:_?0)*|[1-9](?:_?[0-9])*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    private static final Pattern STRING_PREFIX = Pattern.compile("(?i)(?:[rub]|br|rb)?(?=['\"])");

    /** Not a literal: the caller keeps the text. */
    private static final class NotLiteral extends RuntimeException {
        NotLiteral() {
            super(null, null, false, false);
        }
    }

    private final String text;
    /** Whether JSON's true, false and null are read (Ansible's Json2Python, jinja2_native off). */
    private final boolean jsonNames;
    private int pos;
    private int depth;

    private PythonLiteral(String text, boolean jsonNames) {
        this.text = text;
        this.jsonNames = jsonNames;
    }

    /**
     * The literal's value (plain Java: String, Integer/Long/BigInteger, Double, Boolean, null,
     * ArrayList, LinkedHashMap, LinkedHashSet, PyTuple), or {@code text} itself when it is not a literal.
     */
    static Object valueOrText(String text) {
        return read(text, true);
    }

    /**
     * Python's own {@code ast.literal_eval(ast.parse(text))}, as jinja2_native reads a rendered
     * template back: without JSON's names, and text whose first line is indented is no literal
     * (Python's "unexpected indent").
     */
    static Object pythonValueOrText(String text) {
        if (text.startsWith(" ") || text.startsWith("\t")) return text;
        return read(text, false);
    }

    private static Object read(String text, boolean jsonNames) {
        PythonLiteral p = new PythonLiteral(text, jsonNames);
        try {
            Object value = p.expression();
            p.space(false);
            return p.pos < text.length() ? text : value;
        } catch (NotLiteral e) {
            return text;
        }
    }

    // a top-level or parenthesised expression: one value, or a tuple when commas follow it
    private Object expression() {
        space(depth > 0);
        Object first = value();
        space(depth > 0);
        if (!peek(',')) return first;
        List<Object> items = new ArrayList<>();
        items.add(first);
        while (peek(',')) {
            pos++;
            space(depth > 0);
            if (pos >= text.length() || ")]}".indexOf(text.charAt(pos)) >= 0) break;
            items.add(value());
            space(depth > 0);
        }
        return new PyTuple(items);
    }

    private Object value() {
        if (pos >= text.length()) throw new NotLiteral();
        char c = text.charAt(pos);
        return switch (c) {
            case '[' -> nested(() -> items(']', new ArrayList<>()));
            case '(' -> nested(this::parenthesised);
            case '{' -> nested(this::braces);
            case '+', '-' -> signed();
            default -> Character.isDigit(c) || c == '.' ? number(false) : wordOrString();
        };
    }

    private Object nested(java.util.function.Supplier<Object> body) {
        if (++depth > MAX_DEPTH) throw new NotLiteral();
        pos++;
        Object value = body.get();
        depth--;
        return value;
    }

    private List<Object> items(char close, List<Object> out) {
        space(true);
        while (!peek(close)) {
            out.add(value());
            space(true);
            if (peek(',')) {
                pos++;
                space(true);
            } else if (!peek(close)) {
                throw new NotLiteral();
            }
        }
        pos++;
        return out;
    }

    private Object parenthesised() {
        space(true);
        if (peek(')')) {
            pos++;
            return new PyTuple(new ArrayList<>());
        }
        Object inner = expression();
        expect(')');
        return inner;
    }

    private Object braces() {
        space(true);
        if (peek('}')) {
            pos++;
            return new LinkedHashMap<>();
        }
        Object first = value();
        space(true);
        if (!peek(':')) return set(first);
        Map<Object, Object> map = new LinkedHashMap<>();
        Object key = first;
        while (true) {
            expect(':');
            space(true);
            map.put(hashable(key), value());
            space(true);
            if (peek('}')) break;
            expect(',');
            space(true);
            if (peek('}')) break;
            key = value();
            space(true);
        }
        pos++;
        return map;
    }

    private Set<Object> set(Object first) {
        List<Object> rest = new ArrayList<>();
        if (peek(',')) {
            pos++;
            items('}', rest);
        } else {
            expect('}');
        }
        Set<Object> out = new LinkedHashSet<>();
        out.add(hashable(first));
        rest.forEach(item -> out.add(hashable(item)));
        return out;
    }

    private static Object hashable(Object key) {
        if (key instanceof List<?> && !(key instanceof PyTuple) || key instanceof Map || key instanceof Set) throw new NotLiteral();
        return key;
    }

    private Object signed() {
        boolean negative = text.charAt(pos++) == '-';
        space(depth > 0);
        if (pos >= text.length() || !(Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) throw new NotLiteral();
        return number(negative);
    }

    private Object number(boolean negative) {
        Matcher f = FLOAT.matcher(text).region(pos, text.length());
        Matcher i = INTEGER.matcher(text).region(pos, text.length());
        Object value;
        if (f.lookingAt()) {
            pos = f.end();
            double d = Double.parseDouble(f.group().replace("_", ""));
            value = negative ? -d : d;
        } else if (i.lookingAt()) {
            pos = i.end();
            BigInteger n = integer(i.group().replace("_", "").toLowerCase());
            value = plain(negative ? n.negate() : n);
        } else {
            throw new NotLiteral();
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
            throw new NotLiteral(); // 1j, 1abc, 01, 1.2.3
        }
        return value;
    }

    private static BigInteger integer(String digits) {
        if (digits.startsWith("0x")) return new BigInteger(digits.substring(2), 16);
        if (digits.startsWith("0o")) return new BigInteger(digits.substring(2), 8);
        if (digits.startsWith("0b")) return new BigInteger(digits.substring(2), 2);
        return new BigInteger(digits);
    }

    private static Object plain(BigInteger n) {
        if (n.bitLength() < 32) return n.intValue();
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    private Object wordOrString() {
        Matcher prefix = STRING_PREFIX.matcher(text).region(pos, text.length());
        if (prefix.lookingAt()) {
            StringBuilder joined = new StringBuilder();
            do {
                pos = prefix.end();
                joined.append(string(prefix.group().toLowerCase().contains("r")));
                space(depth > 0);
                prefix = STRING_PREFIX.matcher(text).region(pos, text.length());
            } while (prefix.lookingAt());
            return joined.toString();
        }
        Matcher name = NAME.matcher(text).region(pos, text.length());
        if (!name.lookingAt()) throw new NotLiteral();
        pos = name.end();
        String word = name.group();
        if (!jsonNames && (word.equals("true") || word.equals("false") || word.equals("null"))) throw new NotLiteral();
        return switch (word) {
            case "True", "true" -> Boolean.TRUE;
            case "False", "false" -> Boolean.FALSE;
            case "None", "null" -> null;
            default -> throw new NotLiteral();
        };
    }

    // one quoted string at pos (its prefix read): '...', "...", '''...''', """..."""
    private String string(boolean raw) {
        char quote = text.charAt(pos);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        String end = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        pos += end.length();
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            if (text.startsWith(end, pos)) {
                pos += end.length();
                return out.toString();
            }
            char c = text.charAt(pos);
            if ((c == '\n' || c == '\r') && !triple) throw new NotLiteral();
            if (c == '\\' && pos + 1 < text.length()) {
                if (raw) {
                    out.append(c).append(text.charAt(pos + 1));
                    pos += 2;
                } else {
                    pos = PythonScanner.escape(text, pos + 1, out);
                }
                continue;
            }
            out.append(c);
            pos++;
        }
        throw new NotLiteral();
    }

    /** Skips blanks, comments and backslash-continued lines; line breaks only inside brackets. */
    private void space(boolean lineBreaks) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '\\' && (text.startsWith("\n", pos + 1) || text.startsWith("\r", pos + 1))) {
                pos += text.startsWith("\r\n", pos + 1) ? 3 : 2;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') pos++;
            } else if ((c == '\n' || c == '\r') && (lineBreaks || onlyBlankLinesFollow())) {
                pos++;
            } else {
                return;
            }
        }
    }

    // outside brackets a line break ends the expression: only blank lines and comments may follow
    private boolean onlyBlankLinesFollow() {
        return text.substring(pos).lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"));
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) throw new NotLiteral();
        pos++;
    }
}
