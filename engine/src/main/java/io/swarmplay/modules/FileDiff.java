package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.HostView;
import io.swarmplay.modules.support.FileMode;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code diff} the {@code file} module returns, as ansible-core 2.14's file.py builds it:
 * {@code before}/{@code after} always hold {@code path}; {@code state} when it changes (with the
 * removed directory's {@code path_content}), a link's {@code src} when it is retargeted,
 * {@code mode}/{@code owner}/{@code group} when they change and the times the task sets.
 * Owners and groups are the names (Ansible gives the ids).
 */
final class FileDiff {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm.ss");

    private FileDiff() {
    }

    /** The diff of a task with {@code args} on a path that is {@code now}; {@code timed}: the task sets its times. */
    static Map<String, Object> of(FileModule.Args args, Optional<FileStat> now, boolean timed, HostView host) {
        Map<String, Object> before = new LinkedHashMap<>(Map.of("path", args.path()));
        Map<String, Object> after = new LinkedHashMap<>(Map.of("path", args.path()));
        String prev = now.map(FileDiff::state).orElse("absent");
        String state = args.state() != null ? args.state() : prev.equals("absent") ? "file" : prev;
        if (!prev.equals(state)) {
            before.put("state", prev);
            after.put("state", state);
            if (state.equals("absent") && prev.equals("directory")) before.put("path_content", content(args.path(), host));
        }
        if (now.isPresent() && prev.equals("link") && state.equals("link") && args.src() != null
                && !args.src().equals(now.get().target())) {
            before.put("src", now.get().target());
            after.put("src", args.src());
        }
        if (now.isPresent() && !state.equals("absent") && !state.equals("link")) attributes(args, now.get(), before, after);
        if (timed) times(args, after);
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("before", before);
        diff.put("after", after);
        return diff;
    }

    private static String state(FileStat stat) {
        return switch (stat.type()) {
            case DIRECTORY -> "directory";
            case LINK -> "link";
            default -> "file";
        };
    }

    private static void attributes(FileModule.Args args, FileStat stat, Map<String, Object> before, Map<String, Object> after) {
        Integer mode = FileMode.parse(args.mode(), stat.mode(), stat.isDirectory());
        if (mode != null && mode != stat.mode()) {
            before.put("mode", FileMode.format(stat.mode()));
            after.put("mode", FileMode.format(mode));
        }
        differ("owner", stat.owner(), args.owner(), before, after);
        differ("group", stat.group(), args.group(), before, after);
    }

    private static void differ(String key, String current, String wanted, Map<String, Object> before, Map<String, Object> after) {
        if (wanted == null || wanted.equals(current)) return;
        before.put(key, current);
        after.put(key, wanted);
    }

    private static void times(FileModule.Args args, Map<String, Object> after) {
        time("atime", args.access_time(), args.state(), after);
        time("mtime", args.modification_time(), args.state(), after);
    }

    private static void time(String key, String value, String state, Map<String, Object> after) {
        String wanted = value != null ? value : "touch".equals(state) ? "now" : "preserve";
        if (wanted.equals("preserve")) return;
        if (wanted.equals("now")) {
            after.put(key, System.currentTimeMillis() / 1000.0);
        } else if (wanted.matches("\\d{12}\\.\\d{2}")) {
            after.put(key, (double) LocalDateTime.parse(wanted, TIME).atZone(ZoneId.systemDefault()).toEpochSecond());
        }
    }

    /** What a directory about to be removed holds, as file.py's walk lists it: directories and the rest. */
    private static Map<String, Object> content(String path, HostView host) {
        Map<String, Object> walk = new LinkedHashMap<>();
        walk.put("directories", found(host, Command.of("find", path, "-mindepth", "1", "-type", "d")));
        walk.put("files", found(host, Command.of("find", path, "-mindepth", "1", "!", "-type", "d")));
        return walk;
    }

    private static List<String> found(HostView host, Command find) {
        String out = host.probe(find).stdoutTrimmed();
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
