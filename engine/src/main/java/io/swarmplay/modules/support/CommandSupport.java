package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
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

    /** NONE when {@code creates} exists or {@code removes} is missing, else RUN with the command line. */
    public static Change plan(String creates, String removes, String line, HostView host) {
        if (creates != null && host.stat(creates).isPresent()) return Change.none(creates + " exists");
        if (removes != null && host.stat(removes).isEmpty()) return Change.none(removes + " does not exist");
        return Change.run(line);
    }

    /** Adds chdir, stdin (with a trailing newline when asked) and a timeout to a command. */
    public static Command prepare(Command command, String chdir, String stdin, boolean addNewline, Duration timeout) {
        Command prepared = chdir == null ? command : command.inDirectory(chdir);
        if (stdin != null) {
            String input = addNewline && !stdin.endsWith("\n") ? stdin + "\n" : stdin;
            prepared = prepared.withStdin(input.getBytes(StandardCharsets.UTF_8));
        }
        return timeout == null ? prepared : prepared.withTimeout(timeout);
    }

    /**
     * Runs the command and returns CHANGED with {@code cmd, rc, stdout, stderr, start, end, delta}.
     * A non-zero rc or a timeout is a {@link ModuleException} carrying the same data.
     */
    public static Outcome run(Command command, Object cmdData, Change change, HostSession host) {
        LocalDateTime start = LocalDateTime.now();
        ExecResult result = host.run(command);
        LocalDateTime end = LocalDateTime.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", cmdData);
        data.put("rc", result.rc());
        data.put("stdout", stripNewline(result.stdout()));
        data.put("stderr", stripNewline(result.stderr()));
        data.put("start", STAMP.format(start));
        data.put("end", STAMP.format(end));
        data.put("delta", delta(result.duration()));
        if (result.timedOut()) {
            throw new ModuleException("command timed out after " + seconds(command.timeout()) + " on " + host.name()
                    + " and was killed: " + command, data);
        }
        if (!result.succeeded()) throw new ModuleException("non-zero return code", data);
        return Outcome.changed(change).withData(data);
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
