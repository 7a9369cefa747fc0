package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.modules.support.Results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code file} module's states, each as ansible-core 2.14's file.py does it (ensure_absent,
 * execute_touch, ensure_file_attributes, ensure_directory, ensure_symlink, ensure_hardlink), with
 * its messages and result keys; planned on a read-only host into commands for apply.
 */
final class FileStates {

    private final FileModule.Args args;
    private final HostView host;
    private final FileAttributesEdit edit;
    private final Double atime;
    private final Double mtime;
    private final Map<String, Object> result = new LinkedHashMap<>();
    private String created;
    /** Whether the path is missing and the task makes it (the plan shows a create). */
    private boolean creating;
    private final Map<String, Optional<PathFacts>> read = new java.util.HashMap<>();

    FileStates(FileModule.Args args, HostView host, FileAttributesEdit edit) {
        this.args = args;
        this.host = host;
        this.edit = edit;
        this.atime = FileTimes.of(args.access_time(), args.access_time_format(), args.state());
        this.mtime = FileTimes.of(args.modification_time(), args.modification_time_format(), args.state());
    }

    /** What is at a path, read once per plan (plan changes nothing, so it stays true until apply). */
    private Optional<PathFacts> facts(String path) {
        return read.computeIfAbsent(path, p -> PathFacts.read(host, p));
    }

    Change plan() {
        String path = args.path();
        // a directory to make needs its missing parents too: all of them read at once
        if (args.state().equals("directory")) read.putAll(PathFacts.readAll(host, withParents(path)));
        Optional<PathFacts> now = facts(path);
        creating = now.isEmpty();
        return switch (args.state()) {
            case "absent" -> absent(path, now);
            case "touch" -> touch(path, now);
            case "directory" -> directory(path, now);
            case "link" -> link(path, now);
            case "hard" -> hard(path, now);
            default -> file(path, now);
        };
    }

    private static String state(Optional<PathFacts> facts) {
        return facts.map(PathFacts::state).orElse("absent");
    }

    private Change absent(String path, Optional<PathFacts> now) {
        result.put("path", path);
        result.put("state", "absent");
        if (now.isEmpty()) return Results.none(path + " is already absent", result);
        if (path.replaceAll("/+", "/").equals("/")) throw new ModuleException("refusing to remove /", Map.of("path", path));
        String prev = now.get().state();
        edit.initialDiff(path, "absent", prev);
        if (prev.equals("directory")) edit.before.put("path_content", content(path));
        edit.commands.add(prev.equals("directory") ? Command.of("rm", "-rf", "--", path) : Command.of("rm", "-f", "--", path));
        result.put("diff", edit.diff());
        return Change.delete("remove " + path).withPayload(new FileModule.Planned(edit.commands, result, null, Map.of(), null));
    }

    /** What file.py's os.walk lists in a directory about to be removed. */
    private Map<String, Object> content(String path) {
        List<String> directories = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (PathFacts below : PathFacts.below(host, path)) {
            (below.isDirectory() ? directories : files).add(below.path());
        }
        Map<String, Object> walk = new LinkedHashMap<>();
        walk.put("directories", directories);
        walk.put("files", files);
        return walk;
    }

    private Change touch(String path, Optional<PathFacts> now) {
        result.put("dest", path);
        String prev = state(now);
        if (now.isEmpty()) {
            edit.commands.add(Command.of("touch", "--", path));
            edit.changed = true;
            created = path;
        }
        edit.initialDiff(path, "touch", prev);
        String target = followed(path, now);
        Optional<PathFacts> facts = target.equals(path) ? now : facts(target);
        edit.setAttributes(target, facts, true);
        edit.setTimes(target, facts.isEmpty() ? facts : timesOf(target, facts), atime, mtime, facts.isPresent());
        return finish(path, now.isEmpty() ? "create empty file " + path : "touch " + path, now.isPresent());
    }

    private Change file(String path, Optional<PathFacts> now) {
        String prev = state(now);
        Optional<PathFacts> facts = now;
        if (!prev.equals("file") && args.follow() && prev.equals("link")) {
            path = PathFacts.realpath(host, path);
            facts = facts(path);
            prev = state(facts);
        }
        if (!prev.equals("file") && !prev.equals("hard")) {
            Map<String, Object> data = edit.failure(path);
            data.put("state", prev);
            throw new ModuleException("file (" + path + ") is " + prev + ", cannot continue", data);
        }
        result.put("path", path);
        edit.initialDiff(path, "file", prev);
        edit.setAttributes(path, facts, true);
        edit.setTimes(path, facts, atime, mtime, true);
        return finish(path, "update " + path, true);
    }

    private Change directory(String path, Optional<PathFacts> now) {
        String prev = state(now);
        Optional<PathFacts> facts = now;
        if (args.follow() && prev.equals("link")) {
            path = PathFacts.realpath(host, path);
            facts = facts(path);
            prev = state(facts);
        }
        result.put("path", path);
        edit.initialDiff(path, "directory", prev);
        if (prev.equals("absent")) {
            for (String missing : missingDirectories(path)) {
                // -p: another host or process may make it meanwhile (Ansible accepts a directory that appeared)
                edit.commands.add(Command.of("mkdir", "-p", "--", missing));
                edit.changed = true;
                edit.setAttributes(missing, Optional.empty(), false);
            }
            return finish(path, "create directory " + path, false);
        }
        if (!prev.equals("directory")) {
            throw new ModuleException(path + " already exists as a " + prev, edit.failure(path));
        }
        edit.setAttributes(path, facts, true);
        edit.setTimes(path, facts, atime, mtime, true);
        if (args.recurse()) recurse(path);
        return finish(path, "update directory " + path, true);
    }

    /** Ansible's mkdir loop: each missing directory from the top down, in the order it is made. */
    private List<String> missingDirectories(String path) {
        List<String> missing = new ArrayList<>();
        for (String current : withParents(path)) {
            if (facts(current).isPresent()) break;
            missing.add(0, current);
        }
        return missing;
    }

    /** The path and its parents up to, not including, the root (or the first part of a relative path's). */
    static List<String> withParents(String path) {
        List<String> paths = new ArrayList<>();
        String current = path;
        while (!current.isEmpty() && !current.equals("/")) {
            paths.add(current);
            int slash = current.lastIndexOf('/', current.endsWith("/") ? current.length() - 2 : current.length() - 1);
            current = slash < 0 ? "" : current.substring(0, slash);
        }
        return paths;
    }

    /** Ansible's recursive_set_attributes: everything below; a link itself, and with follow what it points to. */
    private void recurse(String dir) {
        for (PathFacts entry : PathFacts.below(host, dir)) {
            edit.setAttributes(entry.path(), Optional.of(entry), false);
            if (entry.isLink() && !entry.exists()) continue;
            edit.setTimes(entry.path(), entry.isLink() ? timesOf(entry.path(), Optional.of(entry)) : Optional.of(entry),
                    atime, mtime, false);
            if (!entry.isLink() || !args.follow()) continue;
            String target = Path.of(entry.path()).resolveSibling(entry.linkTarget()).normalize().toString();
            Optional<PathFacts> pointed = facts(target);
            if (pointed.isEmpty() || !pointed.get().exists()) continue;
            if (pointed.get().isDirectory()) recurse(target);
            edit.setAttributes(target, pointed, false);
        }
    }

    /**
     * Ansible's ensure_symlink: an existing link keeps the path it points to unless src is given; a
     * missing src needs force; a file or an empty directory is replaced only with force.
     */
    private Change link(String path, Optional<PathFacts> now) {
        String prev = state(now);
        String src = args.src();
        if (src == null && args.follow() && now.isPresent() && now.get().exists()) src = now.get().linkTarget();
        String relpath = now.isPresent() && !now.get().isLink() && now.get().isDirectory() ? path : parent(path);
        String absrc = src == null ? null : src.startsWith("/") || relpath.isEmpty() ? src : relpath + "/" + src;
        if (!args.force() && src != null && !facts(absrc).map(PathFacts::exists).orElse(false)) {
            throw new ModuleException("src file does not exist, use \"force=yes\" if you really want to create the link: " + absrc,
                    Map.of("path", path, "src", src));
        }
        if (prev.equals("directory")) {
            if (!args.force()) throw refusing(prev, path);
            if (!PathFacts.below(host, path).isEmpty()) {
                throw new ModuleException("the directory " + path + " is not empty, refusing to convert it", Map.of("path", path));
            }
        } else if ((prev.equals("file") || prev.equals("hard")) && !args.force()) {
            throw refusing(prev, path);
        }
        edit.initialDiff(path, "link", prev);
        boolean relink = !prev.equals("link");
        if (relink && src == null) throw new ModuleException("src is required for creating new symlinks");
        if (prev.equals("link") && src != null && !src.equals(now.get().linkTarget())) {
            edit.before.put("src", now.get().linkTarget());
            edit.after.put("src", src);
            relink = true;
        }
        if (relink) {
            if (prev.equals("directory")) edit.commands.add(Command.of("rmdir", "--", path));
            edit.commands.add(Command.of("ln", "-s", "-f", "-n", "-T", "--", src, path));
            edit.changed = true;
        }
        result.put("dest", path);
        result.put("src", src);
        linkAttributes(path, relink ? Optional.empty() : now, absrc);
        return finish(path, relink ? "link " + path + " -> " + src : path + " already links to " + src, true);
    }

    /**
     * After the link is made (load_file_common_arguments): with follow, what it points to takes the
     * attributes and times (a warning instead when that is missing); without, the link itself.
     */
    private void linkAttributes(String path, Optional<PathFacts> link, String absrc) {
        if (args.follow()) {
            String target = absrc == null ? PathFacts.realpath(host, path) : PathFacts.realpath(host, absrc);
            Optional<PathFacts> pointed = facts(target);
            if (pointed.isEmpty() || !pointed.get().exists()) {
                edit.warnings.add("Cannot set fs attributes on a non-existent symlink target. follow should be set to False to avoid this.");
                return;
            }
            edit.setAttributes(target, pointed, true);
            edit.setTimes(target, pointed, atime, mtime, true);
            return;
        }
        edit.setAttributes(path, link, true, true);
        if (atime != null || mtime != null) edit.setTimes(path, timesOf(path, link), atime, mtime, link.isPresent());
    }

    private static ModuleException refusing(String prev, String path) {
        return new ModuleException("refusing to convert from " + prev + " to symlink for " + path, Map.of("path", path));
    }

    /** Ansible's ensure_hardlink. */
    private Change hard(String path, Optional<PathFacts> now) {
        String prev = state(now);
        String src = args.src();
        if (!prev.equals("hard") && src == null) throw new ModuleException("src is required for creating new hardlinks");
        Optional<PathFacts> source = src == null ? Optional.empty() : facts(src);
        if (src != null && !source.map(PathFacts::exists).orElse(false)) {
            throw new ModuleException("src does not exist", Map.of("dest", path, "src", src));
        }
        edit.initialDiff(path, "hard", prev);
        boolean relink = switch (prev) {
            case "absent" -> true;
            case "link" -> {
                if (now.get().linkTarget().equals(src)) yield false;
                edit.before.put("src", now.get().linkTarget());
                edit.after.put("src", src);
                yield true;
            }
            case "hard" -> {
                boolean other = src != null && now.get().inode() != followedInode(src, source.get());
                if (other && !args.force()) throw cannotLink("Cannot link, different hard link exists at destination", path, src);
                yield other;
            }
            case "file" -> {
                if (!args.force()) throw cannotLink("Cannot link, file exists at destination", path, src);
                yield true;
            }
            default -> {
                if (!args.force()) throw cannotLink("Cannot link: different hard link exists at destination", path, src);
                yield true;
            }
        };
        if (relink) {
            edit.commands.add(Command.of("ln", "-f", "-T", "--", src, path));
            edit.changed = true;
        }
        result.put("dest", path);
        result.put("src", src);
        Optional<PathFacts> after = relink ? source : now;
        edit.setAttributes(path, after, true);
        edit.setTimes(path, after, atime, mtime, after.isPresent());
        return finish(path, relink ? "hard link " + path + " to " + src : path + " is already a hard link", true);
    }

    private long followedInode(String src, PathFacts facts) {
        if (!facts.isLink()) return facts.inode();
        return facts(PathFacts.realpath(host, src)).map(PathFacts::inode).orElse(-1L);
    }

    private static ModuleException cannotLink(String message, String path, String src) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", path);
        if (src != null) data.put("src", src);
        return new ModuleException(message, data);
    }

    /** The path a link's attributes go to with follow (its resolved target), else the path itself. */
    private String followed(String path, Optional<PathFacts> now) {
        return args.follow() && now.isPresent() && now.get().isLink() ? PathFacts.realpath(host, path) : path;
    }

    /** What os.stat sees for times: a link's target. */
    private Optional<PathFacts> timesOf(String path, Optional<PathFacts> facts) {
        if (facts.isEmpty() || !facts.get().isLink()) return facts;
        return facts(PathFacts.realpath(host, path));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : path.substring(0, slash);
    }

    /** The change, with the result keys, the diff and what the result reports of {@code infoPath}. */
    private Change finish(String infoPath, String summary, boolean withDiff) {
        if (withDiff || edit.changed) result.put("diff", edit.diff());
        if (!edit.warnings.isEmpty()) result.put("warnings", List.copyOf(edit.warnings));
        Map<String, Object> info = facts(infoPath).map(PathFacts::pathInfo).orElse(Map.of());
        if (!edit.changed) {
            Map<String, Object> data = new LinkedHashMap<>(result);
            data.putAll(info);
            return Results.none(infoPath + " is as requested", data);
        }
        Change change = creating ? Change.create(summary) : Change.update(summary);
        return change.withPayload(new FileModule.Planned(List.copyOf(edit.commands), result, infoPath, info, created));
    }
}
