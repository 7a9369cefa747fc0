package io.swarmplay.modules.docker.support;

import io.swarmplay.module.ModuleException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code docker_container}'s {@code wait_for}, checked when the task is planned (before a plan
 * shows {@code +}, and before apply creates anything): exactly one condition, a valid regex for
 * {@code log}, a whole number for {@code exited}, a timeout like {@code 60}, {@code 60s},
 * {@code 2m} or {@code 500ms}.
 *
 * @param kind    {@code log}, {@code healthy}, {@code exited}, {@code file_in_container} or {@code socket_on_host}
 * @param value   the condition's value as written
 * @param timeout how long to wait ({@link #DEFAULT_TIMEOUT} when not given)
 */
public record WaitFor(String kind, String value, Duration timeout) {

    /** The default timeout when {@code wait_for} gives none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final java.util.List<String> KINDS =
            java.util.List.of("log", "healthy", "exited", "file_in_container", "socket_on_host");

    /** Parses and checks {@code wait_for}; a {@link ModuleException} saying what is wrong. */
    public static WaitFor parse(Map<String, Object> waitFor) {
        Map<String, Object> kinds = new LinkedHashMap<>(waitFor);
        kinds.remove("timeout");
        if (kinds.size() != 1) {
            throw new ModuleException("wait_for needs exactly one of log, healthy, exited, file_in_container, "
                    + "socket_on_host (and optionally timeout); got " + kinds.keySet());
        }
        Map.Entry<String, Object> kind = kinds.entrySet().iterator().next();
        if (!KINDS.contains(kind.getKey())) {
            throw new ModuleException("wait_for: unknown condition '" + kind.getKey()
                    + "' (use log, healthy, exited, file_in_container or socket_on_host)");
        }
        WaitFor parsed = new WaitFor(kind.getKey(), String.valueOf(kind.getValue()), timeout(waitFor.get("timeout")));
        if (parsed.kind.equals("log")) parsed.logPattern();
        if (parsed.kind.equals("exited")) parsed.exitCode();
        return parsed;
    }

    /** The {@code log} regex. */
    Pattern logPattern() {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new ModuleException("wait_for: invalid log regex '" + value + "': " + e.getDescription());
        }
    }

    /** The {@code exited} code. */
    long exitCode() {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ModuleException("wait_for: exited '" + value + "' is not a whole number (an exit code)");
        }
    }

    private static Duration timeout(Object value) {
        if (value == null) return DEFAULT_TIMEOUT;
        String text = value.toString().strip();
        try {
            if (text.endsWith("ms")) return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            if (text.endsWith("m")) return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            if (text.endsWith("s")) text = text.substring(0, text.length() - 1);
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        } catch (NumberFormatException e) {
            throw new ModuleException("wait_for: timeout '" + value + "' is not like 60, 60s, 2m or 500ms");
        }
    }
}
