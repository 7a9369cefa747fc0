package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.modules.support.FileMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code file} task does, gathered while it is planned: the commands that make the change,
 * whether it changes anything, the {@code diff} ({@code before}/{@code after}) and warnings. Its
 * attribute and time steps are Ansible's {@code set_fs_attributes_if_different} (owner by
 * {@code lchown}, group, then mode; a link's own mode never changes on Linux) and
 * {@code update_timestamp_for_file} ({@code os.utime}, which follows links).
 */
final class FileAttributesEdit {

    final Map<String, Object> before = new LinkedHashMap<>();
    final Map<String, Object> after = new LinkedHashMap<>();
    final List<Command> commands = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    boolean changed;
    private final HostView host;
    private final Object mode;
    private final String owner;
    private final String group;
    private final String attributes;
    private Integer uid;
    private Integer gid;

    FileAttributesEdit(HostView host, FileModule.Args args) {
        this.host = host;
        this.mode = args.mode();
        this.owner = args.owner();
        this.group = args.group();
        this.attributes = args.attributes();
    }

    /** Ansible's {@code initial_diff}: the path, and the state when it changes (with a removed directory's content). */
    void initialDiff(String path, String state, String prev) {
        before.put("path", path);
        after.put("path", path);
        if (prev.equals(state)) return;
        before.put("state", prev);
        after.put("state", state);
    }

    Map<String, Object> diff() {
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("before", before);
        diff.put("after", after);
        return diff;
    }

    /** Ansible's check_owner_exists/check_group_exists: a warning for a user or group the host does not know. */
    void warnUnknownAccounts() {
        if (owner != null && lookup("passwd", owner).isEmpty()) {
            warnings.add(isNumber(owner) ? "failed to look up user with uid " + owner + ". Create user up to this point in real play"
                    : "failed to look up user " + owner + ". Create user up to this point in real play");
        }
        if (group != null && lookup("group", group).isEmpty()) {
            warnings.add(isNumber(group) ? "failed to look up group with gid " + group + ". Create group up to this point in real play"
                    : "failed to look up group " + group + ". Create group up to this point in real play");
        }
    }

    /**
     * Owner, group and mode of {@code path} as they are ({@code now}); a path that is about to be
     * created ({@code now} empty) gets them all (a new file's mode is the umask's).
     */
    void setAttributes(String path, Optional<PathFacts> now, boolean recordDiff) {
        setAttributes(path, now, recordDiff, now.map(PathFacts::isLink).orElse(false));
    }

    /** As {@link #setAttributes(String, Optional, boolean)}; {@code link}: the path is a symbolic link (a new one too). */
    void setAttributes(String path, Optional<PathFacts> now, boolean recordDiff, boolean link) {
        Integer wantUid = owner == null ? null : uid(path);
        Integer wantGid = group == null ? null : gid(path);
        if (wantUid != null && (now.isEmpty() || now.get().uid() != wantUid)) {
            if (recordDiff && now.isPresent()) differ("owner", now.get().uid(), wantUid);
            commands.add(Command.of("chown", "-h", String.valueOf(wantUid), "--", path));
            changed = true;
        }
        if (wantGid != null && (now.isEmpty() || now.get().gid() != wantGid)) {
            if (recordDiff && now.isPresent()) differ("group", now.get().gid(), wantGid);
            commands.add(Command.of("chgrp", "-h", String.valueOf(wantGid), "--", path));
            changed = true;
        }
        setMode(path, now, recordDiff, link);
        setFlags(path, now, recordDiff);
    }

    private void setMode(String path, Optional<PathFacts> now, boolean recordDiff, boolean link) {
        if (mode == null) return;
        int current = now.map(PathFacts::mode).orElse(0);
        boolean directory = now.map(f -> f.type() == 'd').orElse(false);
        int wanted = FileMode.parse(mode, current, directory);
        if (now.isPresent() && wanted == current) return;
        if (recordDiff && now.isPresent()) differ("mode", PathFacts.ansibleMode(current), PathFacts.ansibleMode(wanted));
        if (link) return; // Linux has no lchmod: Ansible's chmod of a link changes nothing
        // five digits: GNU chmod keeps a directory's set-id bits for a four-digit mode
        commands.add(Command.of("chmod", "0" + String.format("%04o", wanted), "--", path));
        changed = true;
    }

    /**
     * Ansible's {@code set_attributes_if_different}: {@code attributes} ({@code +i}, {@code -a},
     * {@code =e} or plain flags, meaning {@code =}) differ from the flags {@code lsattr -d} shows
     * (a path still to be made has none), or remove flags: then {@code chattr} runs, when the host has it.
     */
    private void setFlags(String path, Optional<PathFacts> now, boolean recordDiff) {
        if (attributes == null) return;
        String op = attributes.startsWith("-") || attributes.startsWith("+") ? attributes.substring(0, 1) : "=";
        String flags = op.equals("=") ? attributes : attributes.substring(1);
        String existing = now.isEmpty() ? null : currentFlags(path);
        if (flags.equals(existing == null ? "" : existing) && !op.equals("-")) return;
        if (!host.probe(Command.of("sh", "-c", "command -v chattr")).succeeded()) return;
        if (recordDiff) differ("attributes", existing, op + flags);
        commands.add(Command.of("chattr", op + flags, "--", path));
        changed = true;
    }

    /** Ansible's get_file_attributes: the flags of {@code lsattr -d} without its dashes, null when lsattr cannot tell. */
    private String currentFlags(String path) {
        var listed = host.probe(Command.of("lsattr", "-d", "--", path));
        String[] words = listed.stdoutTrimmed().split("\\s+");
        return listed.succeeded() && words.length > 0 && !words[0].isEmpty() ? words[0].replace("-", "").strip() : null;
    }

    /**
     * Ansible's {@code update_timestamp_for_file}: {@code atime}/{@code mtime} are null (preserve),
     * {@link FileTimes#NOW} or seconds; {@code followed} is what {@code os.stat} sees at the path.
     */
    void setTimes(String path, Optional<PathFacts> followed, Double atime, Double mtime, boolean recordDiff) {
        if (atime == null && mtime == null) return;
        double now = System.currentTimeMillis() / 1000.0;
        boolean bothNow = isNow(atime) && isNow(mtime);
        double prevAtime = followed.map(PathFacts::atime).orElse(now);
        double prevMtime = followed.map(PathFacts::mtime).orElse(now);
        double newAtime = atime == null ? prevAtime : isNow(atime) ? now : atime;
        double newMtime = mtime == null ? prevMtime : isNow(mtime) ? now : mtime;
        if (!bothNow && followed.isPresent() && newAtime == prevAtime && newMtime == prevMtime) return;
        if (bothNow) {
            commands.add(Command.of("touch", "-c", "--", path));
        } else {
            if (newAtime != prevAtime || followed.isEmpty()) commands.add(touch("-a", atime, path));
            if (newMtime != prevMtime || followed.isEmpty()) commands.add(touch("-m", mtime, path));
        }
        if (recordDiff) {
            if (newMtime != prevMtime || bothNow) timeDiff("mtime", prevMtime, newMtime);
            if (newAtime != prevAtime || bothNow) timeDiff("atime", prevAtime, newAtime);
        }
        changed = true;
    }

    private static Command touch(String which, Double value, String path) {
        if (value == null || isNow(value)) return Command.of("touch", which, "-c", "--", path);
        return Command.of("touch", which, "-c", "-d", "@" + FileTimes.epoch(value), "--", path);
    }

    private void timeDiff(String key, double previous, double wanted) {
        before.put(key, previous);
        after.put(key, wanted);
    }

    private static boolean isNow(Double value) {
        return value != null && value.isNaN();
    }

    private void differ(String key, Object previous, Object wanted) {
        before.put(key, previous);
        after.put(key, wanted);
    }

    private int uid(String path) {
        if (uid == null) uid = id("passwd", owner).orElseThrow(() -> new ModuleException(
                "chown failed: failed to look up user " + owner, failure(path)));
        return uid;
    }

    private int gid(String path) {
        if (gid == null) gid = id("group", group).orElseThrow(() -> new ModuleException(
                "chgrp failed: failed to look up group " + group, failure(path)));
        return gid;
    }

    /** The data of a failure: the path and the warnings so far. */
    Map<String, Object> failure(String path) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        if (!warnings.isEmpty()) data.put("warnings", List.copyOf(warnings));
        return data;
    }

    /** A number is the id itself (as Ansible's int(owner)), a name is looked up. */
    private Optional<Integer> id(String database, String name) {
        if (isNumber(name)) return Optional.of(Integer.parseInt(name));
        return lookup(database, name).map(entry -> Integer.parseInt(entry.split(":")[2]));
    }

    private Optional<String> lookup(String database, String name) {
        var found = host.probe(Command.of("getent", database, "--", name));
        String line = found.stdoutTrimmed();
        return found.succeeded() && !line.isEmpty() ? Optional.of(line.lines().findFirst().orElse(line)) : Optional.empty();
    }

    private static boolean isNumber(String text) {
        return text.matches("\\d+");
    }
}
