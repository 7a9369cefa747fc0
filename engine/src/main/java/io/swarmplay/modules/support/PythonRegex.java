package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's {@code re} as Ansible's modules use it, on Java's regex engine: named groups
 * {@code (?P<n>...)}, back references {@code (?P=n)}, {@code \Z}, and the replacement templates of
 * {@code re.sub} and {@code match.expand} ({@code \1}, {@code \g<name>}, {@code \n}, {@code \\}).
 */
public final class PythonRegex {

    private PythonRegex() {
    }

    /** Compiles a Python regular expression with Java {@link Pattern} flags; a bad one is a module failure naming it. */
    public static Pattern compile(String regex, int flags) {
        String java = regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>").replace("\\Z", "\\z");
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw new ModuleException("invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }

    /** A Python replacement template as a Java one for {@link Matcher#appendReplacement}. */
    public static String replacement(String python) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c != '\\' || i + 1 == python.length()) {
                out.append(Matcher.quoteReplacement(String.valueOf(c)));
                continue;
            }
            char next = python.charAt(++i);
            if (Character.isDigit(next)) {
                int end = i + 1 < python.length() && Character.isDigit(python.charAt(i + 1)) ? i + 2 : i + 1;
                out.append(group(python.substring(i, end)));
                i = end - 1;
            } else if (next == 'g' && i + 1 < python.length() && python.charAt(i + 1) == '<' && python.indexOf('>', i) > 0) {
                int close = python.indexOf('>', i);
                out.append(group(python.substring(i + 2, close)));
                i = close;
            } else {
                out.append(Matcher.quoteReplacement(escape(next)));
            }
        }
        return out.toString();
    }

    // Java's ${...} takes names only: numbered groups are $n
    private static String group(String group) {
        return group.chars().allMatch(Character::isDigit) ? "$" + group : "${" + group + "}";
    }

    private static String escape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 'f' -> "\f";
            case 'v' -> "\u000b";
            case 'a' -> "\u0007";
            case '\\' -> "\\";
            default -> "\\" + c;
        };
    }

    /** {@code re.sub(regex, template, text)}: every match replaced; returns the text and the number of replacements. */
    public static Substitution substitute(Pattern regex, String template, String text) {
        String java = replacement(template);
        Matcher m = regex.matcher(text);
        StringBuilder out = new StringBuilder();
        int count = 0;
        while (m.find()) {
            m.appendReplacement(out, java);
            count++;
        }
        m.appendTail(out);
        return new Substitution(out.toString(), count);
    }

    /** {@code match.expand(template)} for the first match of {@code regex} in {@code text}; null without a match. */
    public static String expand(Pattern regex, String text, String template) {
        Matcher m = regex.matcher(text);
        if (!m.find()) return null;
        StringBuilder out = new StringBuilder();
        m.appendReplacement(out, replacement(template));
        return out.substring(m.start());
    }

    /** The result of {@link #substitute}. */
    public record Substitution(String text, int count) {
    }
}
