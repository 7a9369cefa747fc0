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

    static final String TOO_BIG_HINT = "a template that builds values this large is likely a loop that does not end";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile(".*OutputTooBigException: (\\d+) byte output rendered, over limit of (\\d+) bytes.*", Pattern.DOTALL),
                    "the output grew past $2 characters"),
            new Rule(Pattern.compile(".*[Oo]utput.*over limit of (\\d+).*", Pattern.DOTALL), "the output grew past $1 characters"),
            new Rule(Pattern.compile(".*Max recursion limit of (\\d+) reached for macro '(\\w+)'.*", Pattern.DOTALL),
                    "macro '$2' calls itself more than $1 levels deep"),
            new Rule(Pattern.compile(".*CollectionTooBigException: Collection of size \\d+ is greater than the maximum size of (\\d+).*", Pattern.DOTALL),
                    "a list or mapping grew past $1 items"),
            new Rule(Pattern.compile(".*OutOfMemoryError.*", Pattern.DOTALL), "out of memory: the template builds values larger than swarmplay can hold"),
            new Rule(Pattern.compile(".*Cycle detected for macro '(\\w+)'.*", Pattern.DOTALL), "macro '$1' calls itself"),
            new Rule(Pattern.compile(".*Could not resolve function '([\\w:]+)'.*", Pattern.DOTALL), "unknown function '$1'"),
            new Rule(Pattern.compile(".*Unknown tag: (\\S+).*", Pattern.DOTALL), "unknown tag '$1'"),
            new Rule(Pattern.compile(".*Missing end tag: (\\w+).*", Pattern.DOTALL), "missing '{% $1 %}'"),
            new Rule(Pattern.compile(".*Tag '(\\w+)' expects (.*)", Pattern.DOTALL), "'{% $1 %}' expects $2"),
            new Rule(Pattern.compile("Error parsing '(.*)': syntax error at position \\d+, encountered (.+?), expected.*", Pattern.DOTALL),
                    "syntax error in '$1': unexpected $2"),
            new Rule(Pattern.compile("Error parsing '(.*)': .*", Pattern.DOTALL), "syntax error in '$1'"),
            new Rule(Pattern.compile(".*Cannot find method '?(\\w+)'? .*", Pattern.DOTALL), "no method '$1' on this value"),
            new Rule(Pattern.compile(".*('[<>=]{1,2}' not supported between instances of '\\w+' and '\\w+').*", Pattern.DOTALL), "$1"),
            new Rule(Pattern.compile(".*Cannot coerce .*", Pattern.DOTALL), "a value has the wrong type for this operation"),
            new Rule(Pattern.compile(".*([Dd]ivi\\w*|/|%) by zero.*", Pattern.DOTALL), "division by zero"),
            new Rule(Pattern.compile(".*Unclosed (\\w+).*", Pattern.DOTALL), "unclosed $1"),
            new Rule(Pattern.compile(".*StackOverflowError.*", Pattern.DOTALL),
                    "the template nests too deeply (a value that contains itself, or a recursion without end)"));

    /** A Java exception's (qualified) class name, and the colon after it: never shown (Jinjava puts them in messages). */
    private static final String JAVA_NAME = "\\b(?:[a-z][\\w$]*\\.)*[A-Za-z][\\w$]*(?:Exception|Error)\\b:?\\s*";

    private JinjavaErrors() {
    }

    /** What to do about a Jinjava message, or null: for the size limits, what usually causes them. */
    static String hint(String message) {
        String d = describe(message);
        return d.contains(" grew past ") ? TOO_BIG_HINT : null;
    }

    /** A clause for a Jinjava message, e.g. {@code unknown function 'lookup'}. */
    static String describe(String message) {
        String m = message == null ? "" : message.strip();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(m);
            if (matcher.matches()) return matcher.replaceFirst(rule.replacement());
        }
        String redacted = m.replaceAll(JAVA_NAME, "").strip().replaceAll("'[^']*'", "'...'").replaceAll("\"[^\"]*\"", "\"...\"");
        return redacted.isEmpty() ? "cannot render" : "cannot render: " + lowerFirst(redacted);
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
