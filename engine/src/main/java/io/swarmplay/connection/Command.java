package io.swarmplay.connection;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command to run on a host: either an argv list (run without a shell) or a shell script
 * (run by {@code /bin/sh -c}), with environment, working directory, standard input and timeout.
 *
 * @param argv    the program and its arguments; for a shell command {@code [/bin/sh, -c, script]}
 * @param shell   true when {@code argv} came from {@link #shell(String)}
 * @param env     extra environment variables
 * @param chdir   working directory, or null for the default
 * @param stdin   bytes fed to standard input, or null for none (stdin closed at once)
 * @param timeout how long the command may run, or null for no limit
 */
public record Command(List<String> argv, boolean shell, Map<String, String> env, String chdir,
                      byte[] stdin, Duration timeout) {

    public Command {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), false, Map.of(), null, null, null);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, false, Map.of(), null, null, null);
    }

    public static Command shell(String script) {
        return new Command(List.of("/bin/sh", "-c", script), true, Map.of(), null, null, null);
    }

    public Command withEnv(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        merged.putAll(more);
        return new Command(argv, shell, merged, chdir, stdin, timeout);
    }

    public Command inDirectory(String dir) {
        return new Command(argv, shell, env, dir, stdin, timeout);
    }

    public Command withStdin(byte[] input) {
        return new Command(argv, shell, env, chdir, input, timeout);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, shell, env, chdir, stdin, limit);
    }

    /** The command as one POSIX shell line, every argument quoted so none can break out. */
    public String toShellLine() {
        if (shell) return argv.get(2);
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
            if (line.length() > 0) line.append(' ');
            line.append(ShellQuote.quote(arg));
        }
        return line.toString();
    }

    /** For messages: the script for a shell command, else the quoted argv. */
    @Override
    public String toString() {
        return toShellLine();
    }
}
