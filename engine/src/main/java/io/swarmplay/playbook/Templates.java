package io.swarmplay.playbook;

import io.swarmplay.source.YamlNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small facts about template strings the loader needs. */
final class Templates {

    private static final Pattern WHOLE = Pattern.compile("^\\s*\\{\\{(.*)\\}\\}\\s*$", Pattern.DOTALL);

    private Templates() {
    }

    static boolean isTemplated(String s) {
        return s != null && (s.contains("{{") || s.contains("{%"));
    }

    /**
     * True for a keyword written as {@code "{{ omit }}"}: it renders to Ansible's omit placeholder
     * whatever the variables, so the keyword takes its default or inherited value, as if not written.
     */
    static boolean isOmit(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.value() instanceof String text && "omit".equals(wholeExpression(text));
    }

    /** The expression of a string that is exactly one {@code {{ expr }}}, else null. */
    static String wholeExpression(String s) {
        if (s == null) return null;
        Matcher m = WHOLE.matcher(s);
        if (!m.matches() || m.group(1).contains("{{") || m.group(1).contains("}}")) return null;
        return m.group(1).strip();
    }
}
