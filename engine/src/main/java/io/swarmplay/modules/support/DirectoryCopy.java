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

/**
 * Ansible's recursive {@code copy} of a control-node directory: {@code src: dir} lands as
 * {@code dest/dir}, {@code src: dir/} (trailing slash) puts the directory's contents into
 * {@code dest}. Missing directories are created ({@code directory_mode} on the new ones), and
 * every file is a {@link ManagedFile} of its own, so that a second run changes nothing.
 *
 * @param mode           the files' mode as the user wrote it, or null
 * @param directoryMode  the mode of the directories created, or null
 */
public record DirectoryCopy(Object mode, Object directoryMode, String owner, String group, boolean force,
                            Safeguards safeguards) {

    /** What apply does: the directories to create (parents first), then the files' own changes. */
    private record Plan(String dest, List<String> directories, Integer directoryMode, List<Change> files) {
    }

    /** The change that makes {@code dest} hold the tree at {@code src}. */
    public Change plan(Path src, String srcAsWritten, String dest, HostView host) {
        String root = srcAsWritten.endsWith("/") ? dest : join(dest, src.getFileName().toString());
        List<String> directories = new ArrayList<>();
        List<Change> files = new ArrayList<>();
        missingDirectory(root, host, directories);
        for (Path local : tree(src)) {
            String remote = join(root, src.relativize(local).toString().replace('\\', '/'));
            if (Files.isDirectory(local)) {
                missingDirectory(remote, host, directories);
            } else if (Files.isRegularFile(local)) {
                ManagedFile.Desired want = new ManagedFile.Desired(remote, FileContent.of(local), mode, owner, group,
                        force, safeguards);
                Change file = directories.stream().anyMatch(d -> remote.startsWith(d + "/"))
                        ? ManagedFile.plan(want, host, java.util.Optional.empty()) : ManagedFile.plan(want, host);
                if (!file.isNone()) files.add(file);
            }
        }
        if (directories.isEmpty() && files.isEmpty()) {
            return Results.none("every file of " + srcAsWritten + " is already in " + root, Map.of("dest", dest));
        }
        Integer dirMode = FileMode.parse(directoryMode, 0755, true);
        String what = "copy " + srcAsWritten + " to " + root + ": " + files.size() + " file(s), "
                + directories.size() + " new director" + (directories.size() == 1 ? "y" : "ies");
        return (directories.contains(root) ? Change.create(what) : Change.update(what))
                .withPayload(new Plan(dest, directories, dirMode, files));
    }

    /** Creates the directories, then writes each file. */
    public static Outcome apply(Change change, HostSession host) {
        Plan plan = (Plan) change.payload();
        for (String dir : plan.directories()) {
            CommandSupport.require(host, Command.of("mkdir", "-p", "--", dir));
            if (plan.directoryMode() != null) {
                CommandSupport.require(host, Command.of("chmod", FileMode.format(plan.directoryMode()), "--", dir));
            }
        }
        for (Change file : plan.files()) ManagedFile.apply(file, host);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", plan.dest());
        return Outcome.changed(change).withData(data);
    }

    private static void missingDirectory(String path, HostView host, List<String> directories) {
        if (directories.stream().anyMatch(d -> path.startsWith(d + "/"))) {
            directories.add(path);
            return;
        }
        java.util.Optional<FileStat> stat = host.stat(path);
        if (stat.isEmpty()) directories.add(path);
        else if (!stat.get().isDirectory()) {
            throw new ModuleException("Destination " + path + " exists and is not a directory");
        }
    }

    /**
     * The tree under {@code src} (links followed; a dangling or looping link is left out), sorted
     * so that a directory comes before its contents.
     */
    private static List<Path> tree(Path src) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(src, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                                java.nio.file.attribute.BasicFileAttributes attrs) {
                            if (!dir.equals(src)) found.add(dir);
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file,
                                java.nio.file.attribute.BasicFileAttributes attrs) {
                            found.add(file);
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new ModuleException("cannot read the directory " + src + ": " + e.getMessage());
        }
        return found.stream().sorted().toList();
    }

    /** True when {@code change} is a directory copy's (apply it with {@link #apply}). */
    public static boolean isTree(Change change) {
        return change.payload() instanceof Plan;
    }

    private static String join(String dir, String name) {
        return (dir.endsWith("/") ? dir : dir + "/") + name;
    }
}
