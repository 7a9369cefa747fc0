package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.StateUnknownException;
import io.swarmplay.module.HostView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is at a path as Ansible's file module reads it: {@code os.lstat} of the path (its type, link
 * count, inode, mode, ids and names, size, times, a link's target) and whether it exists and is a
 * directory when links are followed ({@code os.path.exists}/{@code isdir}). Read with one
 * {@code find -printf} on the host, which lists a whole tree the same way for {@code recurse}.
 */
record PathFacts(String path, char type, char followedType, int nlink, long inode, int mode, int uid, int gid,
                 String owner, String group, long size, double atime, double mtime, String linkTarget) {

    private static final String FORMAT = "%y\\0%Y\\0%n\\0%i\\0%m\\0%U\\0%G\\0%u\\0%g\\0%s\\0%A@\\0%T@\\0%l\\0%p\\0";
    private static final int FIELDS = 14;

    /** Ansible's {@code get_state}: link, directory, hard (a file with more than one link) or file. */
    String state() {
        if (type == 'l') return "link";
        if (type == 'd') return "directory";
        return nlink > 1 ? "hard" : "file";
    }

    boolean isLink() {
        return type == 'l';
    }

    /** {@code os.path.exists}: a link only when what it points to is there. */
    boolean exists() {
        return followedType != 'N' && followedType != 'L' && followedType != '?';
    }

    /** {@code os.path.isdir}: a directory, or a link to one. */
    boolean isDirectory() {
        return followedType == 'd';
    }

    /** Ansible's {@code add_path_info} of a result naming this path: ids, names, mode, state and size. */
    Map<String, Object> pathInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        if (!exists()) return info;
        info.put("uid", uid);
        info.put("gid", gid);
        info.put("owner", owner);
        info.put("group", group);
        info.put("mode", ansibleMode(mode));
        info.put("state", state());
        info.put("size", size <= Integer.MAX_VALUE ? (Object) (int) size : size);
        return info;
    }

    /** A mode as Ansible's file results print it: {@code '0%03o'}, e.g. 0644, 01777. */
    static String ansibleMode(int mode) {
        return "0" + String.format("%03o", mode);
    }

    /** The path's facts, empty when nothing is there (not even a dangling link). */
    static Optional<PathFacts> read(HostView host, String path) {
        ExecResult found;
        try {
            found = host.probe(Command.of("find", "-P", findable(path), "-maxdepth", "0", "-printf", FORMAT));
        } catch (StateUnknownException fresh) {
            Optional<FileStat> stat = host.stat(path); // a fresh host: nothing there, or known after apply
            if (stat.isEmpty()) return Optional.empty();
            throw fresh;
        }
        if (!found.succeeded()) return Optional.empty();
        List<PathFacts> all = parse(found.stdout());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).withPath(path));
    }

    /**
     * The facts of several paths with one {@code find} (each a start point; one round trip, not one per
     * path); a path with nothing there maps to empty. On a fresh host (an offline plan) each is read as
     * {@link #read} reads it.
     */
    static Map<String, Optional<PathFacts>> readAll(HostView host, List<String> paths) {
        Map<String, Optional<PathFacts>> facts = new LinkedHashMap<>();
        if (paths.isEmpty()) return facts;
        List<String> argv = new ArrayList<>(List.of("find", "-P"));
        for (String path : paths) argv.add(startPoint(path));
        argv.addAll(List.of("-maxdepth", "0", "-printf", FORMAT));
        ExecResult found;
        try {
            found = host.probe(Command.of(argv));
        } catch (StateUnknownException fresh) {
            for (String path : paths) facts.put(path, read(host, path));
            return facts;
        }
        Map<String, PathFacts> byStart = new java.util.HashMap<>();
        for (PathFacts f : parse(found.stdout())) byStart.putIfAbsent(f.path(), f);
        for (String path : paths) facts.put(path, Optional.ofNullable(byStart.get(startPoint(path))).map(f -> f.withPath(path)));
        return facts;
    }

    /** A path as one of several start points: a relative one as {@code ./PATH}, so that a name such as {@code (} or {@code !} is not read as find's expression. */
    private static String startPoint(String path) {
        return path.startsWith("/") ? path : "./" + path;
    }

    /** Everything below a directory (not the directory itself), links not followed, as {@code os.walk} visits it. */
    static List<PathFacts> below(HostView host, String dir) {
        ExecResult found = host.probe(Command.of("find", "-P", findable(dir), "-mindepth", "1", "-printf", FORMAT));
        return parse(found.stdout());
    }

    /** {@code os.path.realpath}: the path with every link resolved, missing parts kept. */
    static String realpath(HostView host, String path) {
        ExecResult real = host.probe(Command.of("realpath", "-m", "--", path));
        return real.succeeded() ? real.stdoutTrimmed() : path;
    }

    private PathFacts withPath(String given) {
        return new PathFacts(given, type, followedType, nlink, inode, mode, uid, gid, owner, group, size, atime, mtime, linkTarget);
    }

    private static String findable(String path) {
        return path.startsWith("-") ? "./" + path : path;
    }

    private static List<PathFacts> parse(String out) {
        String[] f = out.split("\0", -1);
        List<PathFacts> all = new ArrayList<>();
        for (int i = 0; i + FIELDS <= f.length; i += FIELDS) {
            all.add(new PathFacts(f[i + 13], f[i].charAt(0), f[i + 1].isEmpty() ? '?' : f[i + 1].charAt(0),
                    Integer.parseInt(f[i + 2]), Long.parseLong(f[i + 3]), Integer.parseInt(f[i + 4], 8),
                    Integer.parseInt(f[i + 5]), Integer.parseInt(f[i + 6]), f[i + 7], f[i + 8], Long.parseLong(f[i + 9]),
                    Double.parseDouble(f[i + 10]), Double.parseDouble(f[i + 11]), f[i + 12].isEmpty() ? null : f[i + 12]));
        }
        return all;
    }
}
