package io.swarmplay.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval} for the values Ansible reads that way (INI inventory
 * variables): numbers, quoted strings (adjacent ones concatenated; bytes as text), {@code True}, {@code False},
 * {@code None}, lists, tuples (as lists) and dicts, with a trailing {@code # comment} ignored.
 * Anything else is not a literal, and Ansible then keeps the text as it is:
 * {@link #valueOf(String)} does the same.
 */
public final class PythonLiteral {

    private static final int MAX_DEPTH = 200;
    // raw, unicode and bytes prefixes: Ansible turns bytes into text (to_text), so b'x' reads as 'x'
    private static final String PREFIXES = "rRuUbB";

    private final String text;
    private int pos;
    private int depth;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * The literal {@code text} stands for ({@code null} for {@code None}), or {@code text} itself
     * when Python's {@code literal_eval} would refuse it.
     */
    public static Object valueOf(String text) {
        if (text.isEmpty() || Character.isWhitespace(text.charAt(0))) return text;
        PythonLiteral p = new PythonLiteral(text);
        try {
            Object value = p.value();
            p.skipBlanks();
            return p.pos == text.length() ? value : text;
        } catch (NotALiteral e) {
            return text;
        }
    }

    private Object value() {
        if (++depth > MAX_DEPTH) throw new NotALiteral();
        try {
            skipBlanks();
            if (pos >= text.length()) throw new NotALiteral();
            char c = text.charAt(pos);
            if (c == '[') return sequence(']');
            if (c == '(') return tuple();
            if (c == '{') return dict();
            if (c == '\'' || c == '"' || isStringPrefix()) return strings();
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) return number();
            return name();
        } finally {
            depth--;
        }
    }

    private Object name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        return switch (text.substring(start, pos)) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            default -> throw new NotALiteral();
        };
    }

    private List<Object> sequence(char close) {
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(value());
            skipBlanks();
            if (peek() == ',') pos++;
            else if (peek() != close) throw new NotALiteral();
        }
    }

    // (1) is 1, (1,) and (1, 2) are tuples: YAML and Jinja see a tuple as a list
    private Object tuple() {
        int start = pos;
        pos++;
        skipBlanks();
        if (peek() == ')') {
            pos++;
            return new ArrayList<>();
        }
        Object first = value();
        skipBlanks();
        if (peek() == ')') {
            pos++;
            return first;
        }
        pos = start;
        return sequence(')');
    }

    private Map<Object, Object> dict() {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipBlanks();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            skipBlanks();
            if (peek() != ':') throw new NotALiteral(); // a set literal: rare in inventories, kept as text
            pos++;
            map.put(key, value());
            skipBlanks();
            if (peek() == ',') pos++;
            else if (peek() != '}') throw new NotALiteral();
        }
    }

    private boolean isStringPrefix() {
        int i = pos;
        while (i < text.length() && i - pos < 2 && PREFIXES.indexOf(text.charAt(i)) >= 0) i++;
        return i > pos && i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
    }

    private String strings() {
        StringBuilder out = new StringBuilder();
        do {
            out.append(string());
            skipBlanks();
        } while (pos < text.length() && (peek() == '\'' || peek() == '"' || isStringPrefix()));
        return out.toString();
    }

    private String string() {
        boolean raw = false;
        while (PREFIXES.indexOf(peek()) >= 0) raw |= Character.toLowerCase(text.charAt(pos++)) == 'r';
        char quote = text.charAt(pos);
        String delimiter = text.startsWith(String.valueOf(quote).repeat(3), pos) ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        pos += delimiter.length();
        StringBuilder s = new StringBuilder();
        while (!text.startsWith(delimiter, pos)) {
            if (pos >= text.length()) throw new NotALiteral();
            char c = text.charAt(pos++);
            if (c == '\n' && delimiter.length() == 1) throw new NotALiteral();
            if (c == '\\' && pos < text.length()) s.append(raw ? "\\" + text.charAt(pos++) : escape());
            else s.append(c);
        }
        pos += delimiter.length();
        return s.toString();
    }

    private String escape() {
        char c = text.charAt(pos++);
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'v' -> "\u000b";
            case '\\', '\'', '"' -> String.valueOf(c);
            case '\n' -> "";
            case 'x' -> hexChar(2);
            case 'u' -> hexChar(4);
            default -> "\\" + c;
        };
    }

    private String hexChar(int digits) {
        if (pos + digits > text.length()) throw new NotALiteral();
        try {
            String hex = text.substring(pos, pos + digits);
            pos += digits;
            return String.valueOf((char) Integer.parseInt(hex, 16));
        } catch (NumberFormatException e) {
            throw new NotALiteral();
        }
    }

    private Object number() {
        int start = pos;
        boolean negative = false;
        while (peek() == '-' || peek() == '+') {
            if (text.charAt(pos++) == '-') negative = !negative;
            skipBlanks();
        }
        int digitsStart = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "._".indexOf(text.charAt(pos)) >= 0
                || isExponentSign())) pos++;
        String token = text.substring(digitsStart, pos).replace("_", "");
        if (token.isEmpty() || text.substring(start, pos).contains("__")) throw new NotALiteral();
        Number n = numeral(token.toLowerCase());
        return negative ? negate(n) : n;
    }

    private boolean isExponentSign() {
        char c = text.charAt(pos);
        return (c == '-' || c == '+') && pos > 0 && Character.toLowerCase(text.charAt(pos - 1)) == 'e'
                && !text.substring(0, pos).toLowerCase().contains("0x");
    }

    private static Number numeral(String token) {
        try {
            if (token.startsWith("0x")) return integer(new BigInteger(token.substring(2), 16));
            if (token.startsWith("0o")) return integer(new BigInteger(token.substring(2), 8));
            if (token.startsWith("0b")) return integer(new BigInteger(token.substring(2), 2));
            if (token.matches("[0-9]+")) {
                if (token.length() > 1 && token.startsWith("0") && !token.matches("0+")) throw new NotALiteral();
                return integer(new BigInteger(token));
            }
            if (token.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) return Double.valueOf(token);
        } catch (NumberFormatException e) {
            throw new NotALiteral();
        }
        throw new NotALiteral();
    }

    private static Number integer(BigInteger value) {
        if (value.bitLength() < 32) return value.intValue();
        if (value.bitLength() < 64) return value.longValue();
        return value;
    }

    private static Number negate(Number n) {
        if (n instanceof Double d) return -d;
        return integer(new BigInteger(n.toString()).negate());
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                pos = text.length();
            } else if (c == ' ' || c == '\t' || (c == '\n' && depth > 0)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private static final class NotALiteral extends RuntimeException {
        NotALiteral() {
            super(null, null, false, false);
        }
    }
}
