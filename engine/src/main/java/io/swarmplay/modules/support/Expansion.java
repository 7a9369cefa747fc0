package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.HostView;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Ansible's modules do to a program's arguments and to {@code path} arguments on the host:
 * {@code $NAME} and {@code ${NAME}} become the variable's value in the module's environment
 * (a variable that is not set stays as written), then a leading {@code ~} or {@code ~user}
 * becomes that home directory (Python's {@code expandvars} and {@code expanduser}). The
 * expansion happens on the host, in a shell that gets the task's environment.
 */
public final class Expansion {

    /** Python's variable pattern: {@code $} and a word, or {@code ${anything}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z0-9_]+|\\{[^}]*})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TILDE = Pattern.compile("~[A-Za-z0-9._-]*(?=/|$)");
    /** The characters an unset variable is written back with. */
    private static final String PRELUDE = "d='$' o='{' b='}'; ";

    private Expansion() {
    }

    /** True when {@code text} holds something to expand. */
    public static boolean needed(String text) {
        return text.startsWith("~") || VARIABLE.matcher(text).find();
    }

    /** The program as given, or run through {@code exec} in a shell that expands its arguments first. */
    public static Command command(List<String> argv) {
        if (argv.stream().noneMatch(Expansion::needed)) return Command.of(argv);
        StringBuilder script = new StringBuilder(PRELUDE).append("exec");
        argv.forEach(arg -> script.append(' ').append(word(arg)));
        return Command.shell(script.toString());
    }

    /** {@code path} expanded on the host; as given (and no round trip) when there is nothing to expand. */
    public static String path(String path, HostView host) {
        if (path == null || !needed(path)) return path;
        Command echo = Command.shell(PRELUDE + "printf '%s' " + word(path));
        return host.probe(echo).requireSuccess(echo).stdout();
    }

    /** One shell word that expands as Python's {@code expanduser(expandvars(text))} does. */
    static String word(String text) {
        StringBuilder word = new StringBuilder();
        String rest = text;
        Matcher tilde = TILDE.matcher(text);
        if (tilde.lookingAt()) { // unquoted, so the shell expands it; the slash after it is unquoted too
            int end = tilde.end() < text.length() ? tilde.end() + 1 : tilde.end();
            word.append(text, 0, end);
            rest = text.substring(end);
        }
        Matcher m = VARIABLE.matcher(rest);
        int from = 0;
        while (m.find()) {
            literal(word, rest.substring(from, m.start()));
            String name = m.group(1).startsWith("{") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            if (NAME.matcher(name).matches()) {
                String asWritten = m.group(1).startsWith("{") ? "${d}${o}" + name + "${b}" : "${d}" + name;
                word.append("\"${").append(name).append('-').append(asWritten).append("}\"");
            } else {
                literal(word, m.group());
            }
            from = m.end();
        }
        literal(word, rest.substring(from));
        return word.length() == 0 ? "''" : word.toString();
    }

    private static void literal(StringBuilder word, String text) {
        if (!text.isEmpty()) word.append(ShellQuote.quote(text));
    }
}
