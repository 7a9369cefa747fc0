package io.swarmplay.connection;

import java.util.Map;
import java.util.Set;

/**
 * How a host's commands run as another user, from {@code ansible_become},
 * {@code ansible_become_user} (root), {@code ansible_become_method} (sudo),
 * {@code ansible_become_exe} and {@code ansible_become_flags} (sudo's default {@code -H -S -n}, as
 * Ansible's): the line Ansible 2.14's become plugins build, without their success marker and
 * password prompt (swarmplay cannot answer a prompt: sudo runs with {@code -n}, su works from root
 * or without a password).
 *
 * @param method {@code sudo} or {@code su}
 * @param user   the user to become
 * @param exe    the program ({@code sudo}, {@code su} when not set)
 * @param flags  extra flags as one shell fragment, or empty
 */
public record Become(String method, String user, String exe, String flags) {

    /** The methods a connection can use. */
    public static final Set<String> METHODS = Set.of("sudo", "su");

    /** Ansible 2.14's {@code become_flags} of its sudo plugin, used when none are set. */
    public static final String SUDO_FLAGS = "-H -S -n";

    /** Become {@code user} with sudo and its default flags. */
    public static Become sudo(String user) {
        return new Become("sudo", user, "sudo", SUDO_FLAGS);
    }

    /** The become of a host's rendered variables; null when {@code ansible_become} is not true. */
    public static Become from(Map<String, Object> vars) {
        if (!truthy(vars.get("ansible_become"))) return null;
        String method = text(vars.get("ansible_become_method"), "sudo");
        if (!METHODS.contains(method)) {
            throw new ConnectionException("become_method '" + method + "' is not supported (swarmplay becomes with sudo or su)");
        }
        return new Become(method, text(vars.get("ansible_become_user"), "root"),
                text(vars.get("ansible_become_exe"), method),
                text(vars.get("ansible_become_flags"), method.equals("sudo") ? SUDO_FLAGS : ""));
    }

    /**
     * {@code line} run as {@link #user} through {@code exec}, so that a command killed by a signal
     * is reported as killed: {@code sudo FLAGS -n -u USER -- /bin/sh -c LINE}, or as Ansible's su
     * plugin {@code su FLAGS USER -c '/bin/sh -c LINE'}.
     */
    public String wrap(String line) {
        String flagPart = flags.isBlank() ? "" : " " + flags.strip();
        if (method.equals("su")) {
            return "exec " + exe + flagPart + " " + ShellQuote.quote(user) + " -c "
                    + ShellQuote.quote("/bin/sh -c " + ShellQuote.quote(line));
        }
        String noPrompt = (" " + flags + " ").contains(" -n ") ? "" : " -n";
        return "exec " + exe + flagPart + noPrompt + " -u " + ShellQuote.quote(user) + " -- /bin/sh -c " + ShellQuote.quote(line);
    }

    /**
     * {@code command} as one shell command run as {@link #user}: its directory and environment
     * are set inside the become (sudo resets the environment), stdin and timeout kept.
     */
    public Command wrap(Command command) {
        // a shell command keeps its shell (raw's and shell's executable), quoted as an argv is
        String body = command.shell() ? ShellQuote.quote(command.argv().get(0)) + " -c " + ShellQuote.quote(command.argv().get(2))
                : command.toShellLine();
        StringBuilder env = new StringBuilder();
        new java.util.TreeMap<>(command.env()).forEach((k, v) -> env.append(ShellQuote.quote(k + "=" + v)).append(' '));
        String line = (command.chdir() == null ? "" : "cd " + ShellQuote.quote(command.chdir()) + " && ")
                + "exec " + (env.isEmpty() ? "" : "env " + env) + body;
        Command wrapped = Command.shell(wrap(line)).withTimeout(command.timeout());
        return command.stdin() == null ? wrapped : wrapped.withStdin(command.stdin());
    }

    /** Whether a become variable's value is on, as Ansible's boolean() reads it ({@code y} too, spaces ignored). */
    static boolean truthy(Object value) {
        return value != null && Set.of("true", "yes", "on", "1", "y").contains(String.valueOf(value).strip().toLowerCase());
    }

    private static String text(Object value, String fallback) {
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }
}
