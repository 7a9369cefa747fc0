package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Ansible's {@code copy} sends of a control-node directory ({@code _walk_dirs} of its action
 * plugin): the files, the directories and the symlinks, each with its path relative to
 * {@code dest}. {@code src: dir} yields paths under {@code dir/}, {@code src: dir/} the contents.
 *
 * <p>With {@code local_follow: false} every symlink is sent as a symlink (its target as written).
 * With {@code local_follow: true} a link to a file sends the file, a link to a directory sends that
 * directory's tree, except a link back into a directory being copied (a loop), which stays a
 * symlink; a dangling link stays a symlink either way.
 *
 * @param files       regular files to send
 * @param directories directories to make, parents first
 * @param links       symlinks to make
 */
public record LocalTree(List<File> files, List<String> directories, List<Link> links) {

    /** A file to send: where it is on the control node and its path relative to dest. */
    public record File(Path source, String relative) {
    }

    /** A symlink to make: its target as the source link has it, and its path relative to dest. */
    public record Link(String target, String relative) {
    }

    /** The tree of {@code src} ({@code srcAsWritten} tells whether it ended with a slash). */
    public static LocalTree walk(Path src, String srcAsWritten, boolean localFollow) {
        LocalTree tree = new LocalTree(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String base = srcAsWritten.endsWith("/") ? "" : src.getFileName().toString();
        Set<Object> parents = new HashSet<>();
        parents.add(key(src));
        tree.recurse(src, base, parents, localFollow);
        return tree;
    }

    private void recurse(Path dir, String relative, Set<Object> parents, boolean localFollow) {
        for (Path entry : list(dir)) {
            String rel = relative.isEmpty() ? entry.getFileName().toString() : relative + "/" + entry.getFileName();
            boolean link = Files.isSymbolicLink(entry);
            if (!Files.isDirectory(entry)) {
                if (link && !(localFollow && Files.isRegularFile(entry))) links.add(new Link(readLink(entry), rel));
                else files.add(new File(link ? real(entry) : entry, rel));
            } else if (!link) {
                directories.add(rel);
                recurse(entry, rel, parents, localFollow);
            } else if (!localFollow || parents.contains(key(entry))) {
                links.add(new Link(readLink(entry), rel));
            } else {
                Set<Object> walked = new HashSet<>(parents);
                walked.addAll(ancestors(entry.getParent(), parents));
                if (walked.contains(key(entry))) {
                    links.add(new Link(readLink(entry), rel));
                } else {
                    directories.add(rel);
                    recurse(entry, rel, walked, localFollow);
                }
            }
        }
    }

    // the directories above a followed link up to one already known: a link to one of them is a loop
    private static Set<Object> ancestors(Path dir, Set<Object> known) {
        Set<Object> found = new HashSet<>();
        for (Path p = dir; p != null; p = p.getParent()) {
            Object key = key(p);
            if (known.contains(key)) break;
            found.add(key);
        }
        return found;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new ModuleException("cannot read the directory " + dir + ": " + e.getMessage());
        }
    }

    private static Object key(Path path) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            return attrs.fileKey() != null ? attrs.fileKey() : path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new ModuleException("cannot read the link " + link + ": " + e.getMessage());
        }
    }

    private static Path real(Path link) {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            return link;
        }
    }
}
