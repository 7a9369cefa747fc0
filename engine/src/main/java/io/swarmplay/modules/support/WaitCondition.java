package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something {@code wait_for} waits for, checked on the target host through the {@link HostView}
 * (so it works over SSH as well as locally).
 *
 * @param goal      what is awaited, e.g. {@code /x to exist}
 * @param satisfied the state once reached, e.g. {@code /x exists}
 * @param check     one look at the host
 */
public record WaitCondition(String goal, String satisfied, Predicate<HostView> check) {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?P?<([a-zA-Z_]\\w*)>");

    /** A file that should exist (and contain {@code regex}, when given) or be gone. */
    public static WaitCondition file(String path, boolean present, String regex) {
        if (!present) return new WaitCondition(path + " to be absent", path + " is absent", h -> h.stat(path).isEmpty());
        if (regex == null) return new WaitCondition(path + " to exist", path + " exists", h -> h.stat(path).isPresent());
        Pattern pattern = compile(regex);
        return new WaitCondition(path + " to contain '" + regex + "'", path + " contains '" + regex + "'",
                h -> h.stat(path).isPresent() && pattern.matcher(text(h, path)).find());
    }

    private static Pattern compile(String regex) {
        return PythonRegex.compile(regex, Pattern.MULTILINE);
    }

    /**
     * Ansible's {@code match_groups} (every group's text) and {@code match_groupdict} (the named ones)
     * of the first match of {@code regex} in the file; empty when the file does not match.
     */
    public static Map<String, Object> matchGroups(HostView host, String path, String regex) {
        Matcher m = compile(regex).matcher(text(host, path));
        if (!m.find()) return Map.of();
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) groups.add(m.group(i));
        Map<String, Object> named = new LinkedHashMap<>();
        Matcher names = GROUP_NAME.matcher(regex);
        while (names.find()) named.put(names.group(1), m.group(names.group(1)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("match_groups", groups);
        data.put("match_groupdict", named);
        return data;
    }

    /** A TCP port that should accept connections (open) or refuse them (closed). */
    public static WaitCondition port(String host, int port, boolean open) {
        String where = "port " + port + " on " + host;
        return new WaitCondition(where + " to be " + (open ? "open" : "closed"),
                where + " is " + (open ? "open" : "closed"), h -> portOpen(h, host, port) == open);
    }

    /** Ansible's {@code active_connection_states}, as {@code /proc/net/tcp} numbers them. */
    private static final java.util.Set<String> ACTIVE = java.util.Set.of("01", "02", "03", "04", "05", "06");

    /** No active TCP connection on local port {@code port} (Ansible's {@code state: drained}, read from {@code /proc/net/tcp*}). */
    public static WaitCondition drained(int port) {
        String where = "connections on port " + port;
        return new WaitCondition(where + " to drain", where + " drained", h -> activeConnections(h, port) == 0);
    }

    static long activeConnections(HostView view, int port) {
        ExecResult tables = view.probe(Command.of("cat", "/proc/net/tcp", "/proc/net/tcp6").withTimeout(PROBE_TIMEOUT));
        String local = String.format(":%04X", port);
        return tables.stdout().lines().map(String::strip).map(l -> l.split("\\s+"))
                .filter(f -> f.length > 3 && f[1].endsWith(local) && ACTIVE.contains(f[3]))
                .count();
    }

    /**
     * Connects from the target host: bash's {@code /dev/tcp}, else {@code nc -z}. Host and port are
     * passed as arguments ({@code $0}, {@code $1}), never spliced into the script.
     */
    static boolean portOpen(HostView view, String host, int port) {
        ExecResult bash = view.probe(Command.of("bash", "-c", "exec 3<>/dev/tcp/$0/$1", host, String.valueOf(port))
                .withTimeout(PROBE_TIMEOUT));
        if (bash.rc() != 127) return bash.succeeded();
        ExecResult nc = view.probe(Command.of("nc", "-z", "-w", "2", host, String.valueOf(port)).withTimeout(PROBE_TIMEOUT));
        if (nc.rc() == 127) {
            throw new ModuleException("cannot probe ports on " + view.name() + ": neither bash nor nc is installed there");
        }
        return nc.succeeded();
    }

    static String text(HostView host, String path) {
        try {
            return new String(host.read(path), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return ""; // removed between stat and read: not there yet
        }
    }

    /** The last {@code count} lines of a file, for a timeout message; empty when unreadable. */
    public static List<String> lastLines(HostView host, String path, int count) {
        List<String> lines = text(host, path).lines().toList();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }
}
