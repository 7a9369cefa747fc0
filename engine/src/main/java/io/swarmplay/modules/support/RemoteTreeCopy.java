package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's {@code copy} with {@code remote_src} and a directory as {@code src} (its module's
 * directory branches, 2.14). A dest ending with / whose directory is missing is made first (with
 * {@code directory_mode}). {@code src: dir/} into a missing dest is a copy of the whole tree;
 * into an existing directory, the module's dircmp walk: what is only in src is copied entry by
 * entry, files whose content differs are copied (mode too), common directories are walked; nothing
 * is deleted. {@code src: dir} (no slash) lands as {@code dest/dir}: a whole-tree copy when dest is a
 * directory without it, else dest/dir is made and filled by the same walk. {@code local_follow} is
 * the module's three-valued option: true copies what links point to, false copies links as links,
 * unset keeps links inside whole-tree copies but skips a link met by the walk (which still counts
 * as a change, as in Ansible). {@code owner}/{@code group} apply to everything under the target,
 * {@code mode} to the module's final dest.
 */
public record RemoteTreeCopy(Object mode, Object directoryMode, String owner, String group, Boolean localFollow) {

    /** The names Python's {@code filecmp.dircmp} leaves out of its comparison by default. */
    private static final Set<String> DIRCMP_IGNORES = Set.of("RCS", "CVS", "tags", ".git", ".hg", ".bzr", "_darcs", "__pycache__");

    /** One path of a listing: its type (links followed), its own type, mode, and link target. */
    private record Entry(char type, char ownType, int mode, String target, String owner, String group) {
        boolean isLink() {
            return ownType == 'l';
        }
    }

    /** What apply runs, and the result's dest/src. */
    private record Plan(List<Command> commands, Map<String, Object> data) {
    }

    /** The walk's steps, and whether it met something to copy (a skipped link counts too). */
    private static final class Steps {
        final List<Command> commands = new ArrayList<>();
        boolean changed;

        void add(Command command) {
            commands.add(command);
            changed = true;
        }
    }

    /** {@code missing}, {@code directory}, {@code file} or {@code other} for a path on the host (links followed). */
    public static String kind(String path, HostView host) {
        String p = ShellQuote.quote(path);
        ExecResult r = host.probe(Command.shell("if [ -d " + p + " ]; then echo directory; elif [ -f " + p
                + " ]; then echo file; elif [ -e " + p + " ]; then echo other; else echo missing; fi"));
        return r.stdout().strip();
    }

    /** The mode of a path on the host (links followed), as four octal digits. */
    public static String mode(String path, HostView host) {
        ExecResult r = host.probe(Command.of("stat", "-L", "-c", "%a", "--", path));
        if (!r.succeeded()) throw new ModuleException("Source " + path + " not found");
        return FileMode.format(Integer.parseInt(r.stdout().strip(), 8));
    }

    /** The path a symlink on the host leads to ({@code os.path.realpath}). */
    public static String realPath(String path, HostView host) {
        ExecResult r = host.probe(Command.of("readlink", "-f", "--", path));
        return r.succeeded() && !r.stdout().isBlank() ? r.stdout().strip() : path;
    }

    /** The change that makes the target hold the tree at {@code src}. */
    public Change plan(String src, String dest, HostView host) {
        boolean slash = src.endsWith("/");
        String srcRoot = slash && src.length() > 1 ? src.substring(0, src.length() - 1) : src;
        Steps steps = new Steps();
        String destDir = dest.length() > 1 ? dest.replaceAll("/+$", "") : dest;
        String destKind = kind(destDir, host);
        if (dest.endsWith("/") && destKind.equals("missing")) {
            // the module's "recursive copy" rule: a dest ending with / has its directory made first
            steps.add(Command.of("mkdir", "-p", "--", destDir));
            if (directoryMode != null) steps.add(Command.of("chmod", FileMode.format(FileMode.parse(directoryMode, 0755, true)), "--", destDir));
            destKind = "directory";
        }
        if (!destKind.equals("missing") && !destKind.equals("directory")) {
            throw new ModuleException("Destination " + dest + " exists and is not a directory");
        }
        boolean destIsDir = destKind.equals("directory");
        String base = srcRoot.substring(srcRoot.lastIndexOf('/') + 1);
        String root = slash ? destDir : join(destDir, base);
        if (!destIsDir) requireParent(destDir, host);
        boolean rootExists = destIsDir && (slash || !kind(root, host).equals("missing"));
        Map<String, Entry> source = list(srcRoot, Boolean.TRUE.equals(localFollow), host);
        Map<String, Entry> target = rootExists ? list(root, false, host) : Map.of();
        String chownRoot = root;
        if (slash && !destIsDir || !slash && destIsDir && !rootExists) {
            steps.add(copyTree(srcRoot, root));
            if (!slash) chownRoot = destDir; // Ansible chowns the whole dest after this copytree
        } else {
            if (!rootExists) steps.add(Command.of("mkdir", "-p", "--", root));
            compare("", srcRoot, root, source, target, host, steps);
        }
        if ((owner != null || group != null) && (steps.changed || ownershipDiffers(target, host, chownRoot))) {
            steps.add(Command.of("chown", "-R", "-h", "--", (owner == null ? "" : owner) + (group == null ? "" : ":" + group),
                    chownRoot));
        }
        // the module sets mode on its final dest: dest/name when dest was a directory, else dest itself
        String attrTarget = destIsDir ? root : destDir;
        Integer top = topMode(src, host);
        if (top != null && (!rootExists || currentMode(attrTarget, host) != top)) {
            steps.add(Command.of("chmod", FileMode.format(top), "--", attrTarget));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", destIsDir ? (slash ? destDir + "/" : root) : dest);
        data.put("src", src);
        data.put("md5sum", null);
        data.put("checksum", null);
        if (!steps.changed) return Results.none(root + " already holds the tree of " + src, data);
        String what = "copy " + src + " to " + root + " on the host (" + steps.commands.size() + " step(s))";
        return (rootExists ? Change.update(what) : Change.create(what)).withPayload(new Plan(steps.commands, data));
    }

    // the module's check before writing: the directory a missing dest goes into must exist
    private static void requireParent(String dest, HostView host) {
        int slash = dest.lastIndexOf('/');
        String parent = slash < 0 ? "." : slash == 0 ? "/" : dest.substring(0, slash);
        if (!kind(parent, host).equals("directory")) {
            throw new ModuleException("Destination directory " + (slash < 0 ? "" : parent) + " does not exist");
        }
    }

    /** Runs the copies, then the ownership and mode changes. */
    public static Outcome apply(Change change, HostSession host) {
        Plan plan = (Plan) change.payload();
        for (Command command : plan.commands()) CommandSupport.require(host, command);
        return Outcome.changed(change).withData(plan.data());
    }

    /** True when {@code change} is a remote directory copy's (apply it with {@link #apply}). */
    public static boolean isTree(Change change) {
        return change.payload() instanceof Plan;
    }

    // filecmp.dircmp, recursively: what is only in src is copied, common files that differ are copied
    private void compare(String rel, String srcRoot, String destRoot, Map<String, Entry> source, Map<String, Entry> target,
                         HostView host, Steps steps) {
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, Entry> e : source.entrySet()) {
            String path = e.getKey();
            if (!parentOf(path).equals(rel) || DIRCMP_IGNORES.contains(nameOf(path))) continue;
            Entry s = e.getValue();
            Entry d = target.get(path);
            if (d == null) {
                steps.changed = true;
                Command copy = leftOnly(s, join(srcRoot, path), join(destRoot, path));
                if (copy != null) steps.add(copy);
            } else if (s.type() == 'd' && d.type() == 'd') {
                compare(path, srcRoot, destRoot, source, target, host, steps);
            } else if (s.type() == 'f' && d.type() == 'f') {
                differing.add(path);
            }
        }
        for (String path : changedContent(differing, srcRoot, destRoot, host)) {
            Entry s = source.get(path);
            steps.add(s.isLink() && Boolean.FALSE.equals(localFollow)
                    ? Command.of("ln", "-sfn", "--", s.target(), join(destRoot, path))
                    : Command.of("cp", "--preserve=mode", "--", join(srcRoot, path), join(destRoot, path)));
        }
    }

    // copy_left_only: a link is followed only with local_follow true, kept only with false, else skipped
    private Command leftOnly(Entry s, String from, String to) {
        if (s.isLink()) {
            if (s.type() != 'd' && s.type() != 'f' || localFollow == null) return null;
            if (!localFollow) return Command.of("ln", "-s", "--", s.target(), to);
            return s.type() == 'd' ? copyTree(from, to) : Command.of("cp", "-L", "--no-preserve=mode", "--", from, to);
        }
        if (s.type() == 'd') return copyTree(from, to);
        return s.type() == 'f' ? Command.of("cp", "--preserve=mode", "--", from, to) : null;
    }

    // shutil.copytree(symlinks=not local_follow): modes and times kept; links kept unless local_follow is true
    private Command copyTree(String from, String to) {
        return Command.of("cp", "-R", Boolean.TRUE.equals(localFollow) ? "-L" : "-P", "--preserve=mode,timestamps", "--", from, to);
    }

    private static List<String> changedContent(List<String> paths, String srcRoot, String destRoot, HostView host) {
        if (paths.isEmpty()) return List.of();
        Map<String, String> before = sums(srcRoot, paths, host);
        Map<String, String> after = sums(destRoot, paths, host);
        return paths.stream().filter(p -> before.get(p) == null || !before.get(p).equals(after.get(p))).toList();
    }

    private static Map<String, String> sums(String root, List<String> paths, HostView host) {
        List<String> argv = new ArrayList<>(List.of("sha1sum", "--"));
        paths.forEach(p -> argv.add(join(root, p)));
        ExecResult r = host.probe(Command.of(argv));
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int space = line.indexOf("  ");
            if (space > 0) sums.put(line.substring(space + 2 + root.length() + (root.endsWith("/") ? 0 : 1)), line.substring(0, space));
        }
        return sums;
    }

    private boolean ownershipDiffers(Map<String, Entry> target, HostView host, String destRoot) {
        if (target.isEmpty()) return true;
        java.util.stream.Stream<Entry> all = java.util.stream.Stream.concat(target.values().stream(),
                java.util.stream.Stream.of(rootEntry(destRoot, host)));
        return all.anyMatch(e -> owner != null && !owner.equals(e.owner()) || group != null && !group.equals(e.group()));
    }

    private static Entry rootEntry(String path, HostView host) {
        ExecResult r = host.probe(Command.of("stat", "-c", "%U\t%G", "--", path));
        String[] f = r.stdout().strip().split("\t", -1);
        return new Entry('d', 'd', 0, "", f[0], f.length > 1 ? f[1] : "");
    }

    private Integer topMode(String src, HostView host) {
        if ("preserve".equals(mode)) return Integer.parseInt(mode(src, host), 8);
        return mode == null ? null : FileMode.parse(mode, 0755, true);
    }

    private static int currentMode(String path, HostView host) {
        ExecResult r = host.probe(Command.of("stat", "-c", "%a", "--", path));
        return r.succeeded() ? Integer.parseInt(r.stdout().strip(), 8) : -1;
    }

    // every path under root: type with links followed (%Y), own type (%y), mode, relative path, link target
    private static Map<String, Entry> list(String root, boolean follow, HostView host) {
        String script = "cd -- " + ShellQuote.quote(root) + " && find " + (follow ? "-L " : "")
                + ". -mindepth 1 -printf '%Y\\t%y\\t%m\\t%u\\t%g\\t%P\\t%l\\n' 2>/dev/null";
        ExecResult r = host.probe(Command.shell(script));
        Map<String, Entry> entries = new java.util.TreeMap<>();
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 7) continue;
            entries.put(f[5], new Entry(f[0].charAt(0), f[1].charAt(0), Integer.parseInt(f[2], 8), f[6], f[3], f[4]));
        }
        return entries;
    }

    private static String nameOf(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    private static String parentOf(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    private static String join(String dir, String name) {
        if (name.isEmpty()) return dir;
        return (dir.endsWith("/") ? dir : dir + "/") + name;
    }
}
