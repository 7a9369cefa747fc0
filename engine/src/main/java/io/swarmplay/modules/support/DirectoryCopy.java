package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ansible's recursive {@code copy} of a control-node directory: {@code src: dir} lands as
 * {@code dest/dir}, {@code src: dir/} (trailing slash) puts the directory's contents into
 * {@code dest} (what is sent: {@link LocalTree}). Missing directories are created with
 * {@code directory_mode}, which the directories of the tree also get when they exist already
 * (Ansible runs the file module on each); every file is a {@link ManagedFile} of its own and
 * every symlink is made as the source has it, so that a second run changes nothing.
 *
 * @param mode           the files' mode as the user wrote it ({@code preserve}: each source file's), or null
 * @param directoryMode  the directories' mode, or null
 */
public record DirectoryCopy(Object mode, Object directoryMode, String owner, String group, boolean force,
                            Safeguards safeguards, boolean localFollow, boolean decrypt) {

    private static final String PRESERVE = "preserve";

    /** What apply does: directories to create (parents first), modes to set, files, then links. */
    private record Plan(String dest, List<String> directories, Integer directoryMode, List<String> chmods,
                        List<Change> files, List<LocalTree.Link> links, Map<String, Object> single) {
    }

    /** The change that makes {@code dest} hold the tree at {@code src}. */
    public Change plan(Path src, String srcAsWritten, String dest, HostView host) {
        LocalTree tree = LocalTree.walk(src, srcAsWritten, localFollow);
        Integer dirMode = FileMode.parse(directoryMode, 0755, true);
        String root = srcAsWritten.endsWith("/") ? dest : join(dest, src.getFileName().toString());
        List<String> directories = new ArrayList<>();
        List<String> chmods = new ArrayList<>();
        missingAncestors(root, host, directories);
        missingDirectory(root, host, directories, null, chmods);
        for (String rel : tree.directories()) missingDirectory(join(dest, rel), host, directories, dirMode, chmods);
        List<Change> files = new ArrayList<>();
        for (LocalTree.File file : tree.files()) {
            String remote = join(dest, file.relative());
            ManagedFile.Desired want = new ManagedFile.Desired(remote, ControlFiles.content(file.source(), decrypt, host),
                    fileMode(file.source()), owner, group, force, safeguards);
            Change change = isNew(remote, directories) ? ManagedFile.plan(want, host, Optional.empty())
                    : ManagedFile.plan(want, host);
            if (!change.isNone()) files.add(change);
        }
        List<LocalTree.Link> links = new ArrayList<>();
        for (LocalTree.Link link : tree.links()) {
            String remote = join(dest, link.relative());
            Optional<FileStat> now = isNew(remote, directories) ? Optional.empty() : host.stat(remote);
            boolean same = now.isPresent() && now.get().type() == FileStat.Type.LINK && link.target().equals(now.get().target());
            if (!same) links.add(new LocalTree.Link(link.target(), remote));
        }
        if (directories.isEmpty() && chmods.isEmpty() && files.isEmpty() && links.isEmpty()) {
            return Results.none("every file of " + srcAsWritten + " is already in " + root, Map.of("dest", dest));
        }
        String what = "copy " + srcAsWritten + " to " + root + ": " + files.size() + " file(s), "
                + directories.size() + " new director" + (directories.size() == 1 ? "y" : "ies")
                + (links.isEmpty() ? "" : ", " + links.size() + " link(s)");
        Map<String, Object> single = tree.files().size() == 1 ? Map.of() : Map.of("dest", dest, "src", srcAsWritten);
        return (directories.contains(root) ? Change.create(what) : Change.update(what))
                .withPayload(new Plan(dest, directories, dirMode, chmods, files, links, single));
    }

    /** Creates the directories, sets their modes, writes each file and makes each link. */
    public static Outcome apply(Change change, HostSession host) {
        Plan plan = (Plan) change.payload();
        for (String dir : plan.directories()) {
            CommandSupport.require(host, Command.of("mkdir", "-p", "--", dir));
            if (plan.directoryMode() != null) {
                CommandSupport.require(host, Command.of("chmod", FileMode.format(plan.directoryMode()), "--", dir));
            }
        }
        for (String dir : plan.chmods()) {
            CommandSupport.require(host, Command.of("chmod", FileMode.format(plan.directoryMode()), "--", dir));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (Change file : plan.files()) data = new LinkedHashMap<>(ManagedFile.apply(file, host).data());
        for (LocalTree.Link link : plan.links()) {
            CommandSupport.require(host, Command.of("ln", "-sfn", "--", link.target(), link.relative()));
        }
        if (!plan.single().isEmpty() || data.isEmpty()) {
            data = new LinkedHashMap<>(plan.single().isEmpty() ? Map.of("dest", plan.dest()) : plan.single());
        }
        return Outcome.changed(change).withData(data);
    }

    // mode: preserve sends each file with its own mode (Ansible's action plugin reads it per file)
    private Object fileMode(Path local) {
        if (!PRESERVE.equals(mode)) return mode;
        try {
            return String.format("%04o", ((Integer) Files.getAttribute(local, "unix:mode")) & 07777);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ModuleException("cannot read the mode of " + local + " to preserve it: " + e.getMessage());
        }
    }

    private static boolean isNew(String path, List<String> directories) {
        return directories.stream().anyMatch(d -> path.startsWith(d + "/"));
    }

    // the missing directories above root (Ansible's copy makes them, with directory_mode)
    private static void missingAncestors(String root, HostView host, List<String> directories) {
        List<String> missing = new ArrayList<>();
        for (String p = parent(root); p != null && host.stat(p).isEmpty(); p = parent(p)) missing.add(0, p);
        directories.addAll(missing);
    }

    private static String parent(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? null : trimmed.substring(0, slash);
    }

    private static void missingDirectory(String path, HostView host, List<String> directories, Integer mode,
                                         List<String> chmods) {
        if (isNew(path, directories)) {
            directories.add(path);
            return;
        }
        Optional<FileStat> stat = host.stat(path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path);
        if (stat.isEmpty()) directories.add(path);
        else if (!stat.get().isDirectory()) {
            throw new ModuleException("Destination " + path + " exists and is not a directory");
        } else if (mode != null && stat.get().mode() != mode) {
            chmods.add(path);
        }
    }

    /** True when {@code change} is a directory copy's (apply it with {@link #apply}). */
    public static boolean isTree(Change change) {
        return change.payload() instanceof Plan;
    }

    private static String join(String dir, String name) {
        return (dir.endsWith("/") ? dir : dir + "/") + name;
    }
}
