package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ShellQuote;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the one shell line sent in an SSH {@code exec} request. Every value is quoted with
 * {@link ShellQuote}, so none can break out of its word. sshd usually refuses {@code env}
 * requests, so variables are set with {@code env NAME=value ...}; the working directory with
 * {@code cd DIR &&}; become wraps the whole line in {@code sudo -n -u USER -- /bin/sh -c LINE}.
 */
final class RemoteCommand {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RemoteCommand() {
    }

    /** The line for {@code command}, run as {@code becomeUser} through sudo when that is not null. */
    static String line(Command command, String becomeUser) {
        String body = command.shell()
                ? "/bin/sh -c " + ShellQuote.quote(command.argv().get(2))
                : command.toShellLine();
        if (!command.env().isEmpty()) body = "env " + assignments(command.env()) + " " + body;
        body = "exec " + body;
        if (command.chdir() != null) body = "cd " + ShellQuote.quote(command.chdir()) + " && " + body;
        return become(body, becomeUser);
    }

    /**
     * Wraps a shell line for become; unchanged when {@code becomeUser} is null. The login shell
     * {@code exec}s sudo (and every line {@code exec}s its program) so that a process killed by a
     * signal is reported as killed, not as a shell's exit status 128+n.
     */
    static String become(String line, String becomeUser) {
        if (becomeUser == null) return line;
        return "exec sudo -n -u " + ShellQuote.quote(becomeUser) + " -- /bin/sh -c " + ShellQuote.quote(line);
    }

    private static String assignments(Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("invalid environment variable name '" + e.getKey() + "'");
            }
            if (out.length() > 0) out.append(' ');
            out.append(ShellQuote.quote(e.getKey() + "=" + e.getValue()));
        }
        return out.toString();
    }

    /** True when stderr shows that sudo wanted a password it could not ask for. */
    static boolean sudoNeedsPassword(int rc, String stderr) {
        return rc == 1 && (stderr.contains("sudo: a password is required")
                || stderr.contains("sudo: a terminal is required"));
    }
}
