package io.swarmplay.template;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinjava's error messages as swarmplay's: short lower-case clauses. Jinjava quotes values in
 * some messages (coercion errors), and values may be secrets, so unrecognised messages have
 * their quoted parts removed.
 */
final class JinjavaErrors {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile(".*Could not resolve function '([\\w:]+)'.*", Pattern.DOTALL), "unknown function '$1'"),
            new Rule(Pattern.compile(".*Unknown tag: (\\S+).*", Pattern.DOTALL), "unknown tag '$1'"),
            new Rule(Pattern.compile(".*Missing end tag: (\\w+).*", Pattern.DOTALL), "missing '{% $1 %}'"),
            new Rule(Pattern.compile(".*Tag '(\\w+)' expects (.*)", Pattern.DOTALL), "'{% $1 %}' expects $2"),
            new Rule(Pattern.compile("Error parsing '(.*)': syntax error at position \\d+, encountered (.+?), expected.*", Pattern.DOTALL),
                    "syntax error in '$1': unexpected $2"),
            new Rule(Pattern.compile("Error parsing '(.*)': .*", Pattern.DOTALL), "syntax error in '$1'"),
            new Rule(Pattern.compile(".*Cannot find method '?(\\w+)'? .*", Pattern.DOTALL), "no method '$1' on this value"),
            new Rule(Pattern.compile(".*Cannot coerce .*", Pattern.DOTALL), "a value has the wrong type for this operation"),
            new Rule(Pattern.compile(".*[Dd]ivi\\w* by zero.*", Pattern.DOTALL), "division by zero"),
            new Rule(Pattern.compile(".*Unclosed (\\w+).*", Pattern.DOTALL), "unclosed $1"));

    private JinjavaErrors() {
    }

    /** A clause for a Jinjava message, e.g. {@code unknown function 'lookup'}. */
    static String describe(String message) {
        String m = message == null ? "" : message.strip();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(m);
            if (matcher.matches()) return matcher.replaceFirst(rule.replacement());
        }
        String redacted = m.replaceAll("'[^']*'", "'...'").replaceAll("\"[^\"]*\"", "\"...\"");
        return redacted.isEmpty() ? "cannot render" : "cannot render: " + lowerFirst(redacted);
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
