package io.swarmplay.playbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backslash escapes Ansible decodes in {@code key=value} tokens before reading them:
 * {@code \\ \' \" \a \b \f \n \r \t \v}, {@code \xHH}, {@code \\uHHHH}, {@code \UHHHHHHHH} and
 * {@code \N{NAME}}; any other backslash stays as written.
 */
final class Escapes {

    private static final Pattern ESCAPE = Pattern.compile(
            "\\\\U[0-9a-fA-F]{8}|\\\\u[0-9a-fA-F]{4}|\\\\x[0-9a-fA-F]{2}|\\\\N\\{[^}]+}|\\\\[\\\\'\"abfnrtv]");

    private Escapes() {
    }

    static String decode(String text) {
        if (text.indexOf('\\') < 0) return text;
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(one(m.group())));
        m.appendTail(out);
        return out.toString();
    }

    private static String one(String escape) {
        char kind = escape.charAt(1);
        return switch (kind) {
            case 'U', 'u', 'x' -> codePoint(escape);
            case 'N' -> named(escape);
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000b";
            default -> String.valueOf(kind);
        };
    }

    private static String codePoint(String escape) {
        long value = Long.parseLong(escape.substring(2), 16);
        return Character.isValidCodePoint((int) value) && value <= Character.MAX_CODE_POINT
                ? Character.toString((int) value) : escape;
    }

    private static String named(String escape) {
        try {
            return Character.toString(Character.codePointOf(escape.substring(3, escape.length() - 1)));
        } catch (IllegalArgumentException e) {
            return escape;
        }
    }
}
