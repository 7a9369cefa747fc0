package io.swarmplay.playbook;

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

    /** The expression of a string that is exactly one {@code {{ expr }}}, else null. */
    static String wholeExpression(String s) {
        if (s == null) return null;
        Matcher m = WHOLE.matcher(s);
        if (!m.matches() || m.group(1).contains("{{") || m.group(1).contains("}}")) return null;
        return m.group(1).strip();
    }
}
