package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code command} and {@code shell} share: creates/removes, running, and Ansible's result fields. */
public final class CommandSupport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private CommandSupport() {
    }

    /**
     * NONE when {@code creates} exists or {@code removes} is missing (both are globs, as in
     * Ansible), registering Ansible's {@code msg}, {@code stdout} and {@code rc: 0}; else RUN.
     */
    public static Change plan(String createsArg, String removesArg, Object cmd, String line, HostView host) {
        String creates = Expansion.path(createsArg, host);
        String removes = Expansion.path(removesArg, host);
        if (creates != null && exists(creates, host)) {
            return notRun(did(host) + " not run command since '" + creates + "' exists", "skipped, since " + creates + " exists", cmd);
        }
        if (removes != null && !exists(removes, host)) {
            return notRun(did(host) + " not run command since '" + removes + "' does not exist",
                    "skipped, since " + removes + " does not exist", cmd);
        }
        return Change.run(line).withPayload(new WouldRun(cmd, creates != null || removes != null));
    }

    /** Ansible's check-mode result of a command: changed when creates/removes were given, else skipped. */
    private record WouldRun(Object cmd, boolean predicted) implements io.swarmplay.module.PreviewData {
        @Override
        public Map<String, Object> previewData() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("cmd", cmd);
            data.put("msg", "Command would have run if not in check mode");
            data.put("rc", 0);
            data.put("stdout", "");
            data.put("stderr", "");
            return data;
        }
    }

    private static String did(HostView host) {
        return Boolean.TRUE.equals(host.evaluate("ansible_check_mode")) ? "Would" : "Did";
    }

    private static Change notRun(String msg, String stdout, Object cmd) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", cmd);
        data.put("msg", msg);
        data.put("stdout", stdout);
        data.put("stderr", "");
        data.put("rc", 0);
        return Results.none(msg, data);
    }

    /** Whether a path, or anything a glob pattern matches, exists on the host. */
    public static boolean exists(String pattern, HostView host) {
        if (!pattern.matches(".*[*?\\[].*")) return host.stat(pattern).isPresent();
        String script = "for f in " + pattern.replaceAll("([\\s'\"$`;&|<>()])", "\\\\$1")
                + "; do [ -e \"$f\" ] || [ -L \"$f\" ] && exit 0; done; exit 1";
        return host.probe(Command.shell(script)).succeeded();
    }

    /** Adds chdir (expanded as a path), stdin (with a trailing newline when asked) and a timeout to a command. */
    public static Command prepare(Command command, String chdir, String stdin, boolean addNewline, Duration timeout,
                                  HostView host) {
        Command prepared = chdir == null ? command : command.inDirectory(Expansion.path(chdir, host));
        if (stdin != null && !stdin.isEmpty()) { // Ansible adds the newline even after one
            String input = addNewline ? stdin + "\n" : stdin;
            prepared = prepared.withStdin(input.getBytes(StandardCharsets.UTF_8));
        }
        return timeout == null ? prepared : prepared.withTimeout(timeout);
    }

    /**
     * Runs the command and returns CHANGED with {@code cmd, rc, stdout, stderr, start, end, delta}.
     * A non-zero rc or a timeout is a {@link ModuleException} carrying the same data.
     */
    public static Outcome run(Command command, Object cmdData, Change change, HostSession host) {
        return run(command, cmdData, true, change, host);
    }

    /** As {@link #run(Command, Object, Change, HostSession)}; {@code strip} removes trailing newlines (strip_empty_ends). */
    public static Outcome run(Command command, Object cmdData, boolean strip, Change change, HostSession host) {
        LocalDateTime start = LocalDateTime.now();
        ExecResult result = host.run(command);
        LocalDateTime end = LocalDateTime.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", cmdData);
        data.put("rc", result.rc());
        data.put("stdout", strip ? stripNewline(result.stdout()) : result.stdout());
        data.put("stderr", strip ? stripNewline(result.stderr()) : result.stderr());
        data.put("start", STAMP.format(start));
        data.put("end", STAMP.format(end));
        data.put("delta", delta(result.duration()));
        data.put("msg", "");
        // the command ran: Ansible's result says changed, failed or not (counted so when the failure is ignored)
        data.put("changed", true);
        if (result.timedOut()) {
            throw new ModuleException("command timed out after " + seconds(command.timeout()) + " on " + host.name()
                    + " and was killed: " + command, data);
        }
        if (!result.succeeded()) {
            requireDirectory(command.chdir(), cmdData, host);
            requireProgram(command, result, host);
            data.put("msg", "non-zero return code");
            throw new ModuleException("non-zero return code", data);
        }
        data.remove("changed");
        return Outcome.changed(change).withData(data);
    }

    // looked at only when the command failed: no round trip more for every command that works
    private static void requireDirectory(String chdir, Object cmdData, HostSession host) {
        if (chdir == null || host.stat(chdir).map(io.swarmplay.connection.FileStat::isDirectory).orElse(false)) return;
        throw new ModuleException("Unable to change directory before execution: [Errno 2] No such file or directory: '"
                + chdir + "'", Map.of("cmd", cmdData, "rc", 256));
    }

    /** Exit code of a shell, or of our local exec, for a program it could not find. */
    private static final int NOT_FOUND = 127;

    /**
     * Ansible runs the program itself: one that is not there fails before anything runs, with Python's
     * error (rc 2, nothing on stdout/stderr, not changed). Looked at only after rc 127, as above.
     */
    private static void requireProgram(Command command, ExecResult result, HostSession host) {
        if (command.shell() || result.rc() != NOT_FOUND) return;
        String program = command.argv().get(0);
        if (host.probe(Command.shell("command -v " + ShellQuote.quote(program)
                + " >/dev/null")).succeeded()) return;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", command.toShellLine());
        data.put("rc", 2);
        data.put("stdout", "");
        data.put("stderr", "");
        data.put("changed", false);
        throw new ModuleException("[Errno 2] No such file or directory: b'" + program + "'", data);
    }

    /** Runs a fixing command (chmod, mkdir, ...) and fails with its stderr when it does not succeed. */
    public static void require(HostSession host, Command command) {
        ExecResult result = host.run(command);
        if (!result.succeeded()) {
            throw new ModuleException("'" + command + "' failed on " + host.name() + " (rc " + result.rc() + "): "
                    + result.tail(3), Map.of("rc", result.rc(), "stderr", result.stderr()));
        }
    }

    /** Ansible strips trailing newlines from stdout/stderr. */
    private static String stripNewline(String text) {
        return text.replaceAll("[\r\n]+$", "");
    }

    /** Ansible's delta format: {@code 0:00:00.002345}. */
    public static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        return String.format("%d:%02d:%02d.%06d", micros / 3_600_000_000L, micros / 60_000_000 % 60,
                micros / 1_000_000 % 60, micros % 1_000_000);
    }

    /** {@code 30s}, {@code 1.5s}. */
    public static String seconds(Duration d) {
        if (d == null) return "?";
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : (millis / 1000.0) + "s";
    }
}
