package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.Action;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code file} module's {@code access_time}/{@code modification_time}: {@code preserve} (the
 * default, except for {@code touch}, where it is {@code now}), {@code now} (always a change), or a
 * time in {@code %Y%m%d%H%M.%S}, which is {@code touch -t}'s own format (a change when it differs).
 */
record FileTimes(String state, String access, String modification) {

    static final String FORMAT = "%Y%m%d%H%M.%S";
    private static final Pattern STAMP = Pattern.compile("(\\d{12})\\.(\\d{1,2})");

    static FileTimes of(FileModule.Args args) {
        for (String format : List.of(args.access_time_format(), args.modification_time_format())) {
            if (!format.equals(FORMAT)) throw new ModuleException("time format '" + format + "' is not supported; use " + FORMAT);
        }
        String fallback = args.state().equals("touch") ? "now" : "preserve";
        return new FileTimes(args.state(), orElse(args.access_time(), fallback), orElse(args.modification_time(), fallback));
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** {@code change} with the touch commands the times need; touch already sets both to now. */
    @SuppressWarnings("unchecked")
    Change addTo(Change change, String path, HostView host) {
        if (state.equals("absent") || state.equals("link") || state.equals("hard")) return change;
        boolean created = state.equals("touch") && change.action() == Action.CREATE; // touch made it: both times are now
        List<Command> commands = new ArrayList<>();
        if (!created && access.equals("now") && modification.equals("now")) {
            commands.add(Command.of("touch", "-c", "--", path));
        } else {
            if (!(created && access.equals("now"))) add(commands, "-a", access, "%X", path, host);
            if (!(created && modification.equals("now"))) add(commands, "-m", modification, "%Y", path, host);
        }
        if (commands.isEmpty()) return change;
        List<Command> all = new ArrayList<>(change.payload() instanceof List<?> l ? (List<Command>) l : List.of());
        all.addAll(commands);
        if (change.action() != Action.NONE) return change.withPayload(all);
        return Change.update("set the times of " + path).withPayload(all);
    }

    private static void add(List<Command> commands, String flag, String value, String statField, String path, HostView host) {
        if (value.equals("preserve")) return;
        if (value.equals("now")) {
            commands.add(Command.of("touch", flag, "-c", "--", path));
            return;
        }
        String stamp = touchStamp(value);
        String current = host.probe(Command.shell("date -d @$(stat -c " + statField + " -- " + ShellQuote.quote(path)
                + " 2>/dev/null || echo 0) +%Y%m%d%H%M.%S")).stdoutTrimmed();
        if (!current.equals(stamp)) commands.add(Command.of("touch", flag, "-c", "-t", stamp, "--", path));
    }

    /** {@code value} read as Python's strptime reads {@link #FORMAT} (one or two digits of seconds), as touch -t takes it. */
    static String touchStamp(String value) {
        Matcher m = STAMP.matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(2)) > 61) {
            throw new ModuleException("Error while obtaining timestamp for time " + value + " using format " + FORMAT);
        }
        return m.group(1) + "." + (m.group(2).length() == 1 ? "0" : "") + m.group(2);
    }
}
