package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Become;
import io.swarmplay.connection.Command;
import io.swarmplay.connection.ShellQuote;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the one shell line sent in an SSH {@code exec} request. Every value is quoted with
 * {@link ShellQuote}, so none can break out of its word. sshd usually refuses {@code env}
 * requests, so variables are set with {@code env NAME=value ...}; the working directory with
 * {@code cd DIR &&}; become wraps the whole line ({@link Become#wrap}).
 *
 * <p>Every command carries a tag, {@code SWARMPLAY_CMD=<random>} in its environment, set inside
 * sudo so the command and everything it starts inherit it: {@link #killLine} finds and kills
 * them by it, including those sshd's own signal does not reach (sudo runs the command in a
 * session of its own; a child may leave the process group).
 */
final class RemoteCommand {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String TAG_NAME = "SWARMPLAY_CMD";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private RemoteCommand() {
    }

    /**
     * A line to send, with its tag and what messages call it.
     *
     * @param text  the shell line
     * @param tag   the value of {@value #TAG_NAME} in its processes' environment
     * @param shown the command as the user wrote it
     */
    record Tagged(String text, String tag, String shown) {
    }

    /** A fresh tag: 16 random hex digits. */
    static String newTag() {
        return String.format("%016x", RANDOM.nextLong());
    }

    /** The tagged line for {@code command}, run through {@code become} when that is not null. */
    static Tagged line(Command command, Become become) {
        String tag = newTag();
        return new Tagged(line(command, become, tag), tag, command.toString());
    }

    /** A tagged POSIX shell script, run through {@code become} when that is not null. */
    static Tagged script(String script, Become become) {
        String tag = newTag();
        return new Tagged(script(script, become, tag), tag, script);
    }

    /** The line for {@code command} with {@code tag}, run through {@code become} when that is not null. */
    static String line(Command command, Become become, String tag) {
        String body = command.shell()
                ? "/bin/sh -c " + ShellQuote.quote(command.argv().get(2))
                : command.toShellLine();
        String env = command.env().isEmpty() ? "" : " " + assignments(command.env());
        body = "exec env " + TAG_NAME + "=" + tag + env + " " + body;
        if (command.chdir() != null) body = "cd " + ShellQuote.quote(command.chdir()) + " && " + body;
        return become(body, become);
    }

    /** A POSIX shell script, tagged with {@code tag}, run through {@code become} when that is not null. */
    static String script(String script, Become become, String tag) {
        return become("exec env " + TAG_NAME + "=" + tag + " /bin/sh -c " + ShellQuote.quote(script), become);
    }

    /**
     * The line that kills, with SIGKILL, every process whose environment carries {@code tag}: run
     * as the same user as the tagged command. Two passes, so a child forked during the first dies
     * in the second. Needs Linux's {@code /proc}; elsewhere it kills nothing.
     */
    static String killLine(String tag, Become become) {
        String kill = "t=" + TAG_NAME + "=" + tag + "; for n in 1 2; do"
                + " for f in $(grep -l -a -F -e \"$t\" /proc/[0-9]*/environ 2>/dev/null); do"
                + " p=${f#/proc/}; kill -KILL \"${p%/environ}\" 2>/dev/null; done; sleep 0.1; done; true";
        String line = "exec /bin/sh -c " + ShellQuote.quote(kill);
        return become == null ? line : become(kill, become);
    }

    /**
     * Wraps a shell line for become; unchanged when {@code become} is null. The login shell
     * {@code exec}s sudo (and every line {@code exec}s its program) so that a process killed by a
     * signal is reported as killed, not as a shell's exit status 128+n.
     */
    static String become(String line, Become become) {
        return become == null ? line : become.wrap(line);
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
