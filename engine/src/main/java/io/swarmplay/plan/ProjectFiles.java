package io.swarmplay.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The control-node files a plan was made from, each with its SHA-256: every file under the
 * directories of the inventories and playbooks (inventory, group_vars, host_vars, task files,
 * roles and vars files beside them), the {@code -e @file}s, and every file a step's {@code src}
 * names (templates and files, found as {@code template:}/{@code copy:} find them).
 */
public final class ProjectFiles {

    /** A directory walk stops here: a plan is not a backup. */
    private static final int MAX_FILES = 5000;
    private static final List<String> SOURCE_DIRS = List.of("templates", "files", ".", "../templates", "../files");

    private ProjectFiles() {
    }

    /** The files and their hashes, by absolute path, sorted. */
    public static Map<String, String> hash(Collection<Path> roots, Collection<Path> files, Plan plan) {
        Set<Path> all = new TreeSet<>();
        for (Path root : roots) all.addAll(walk(root.toAbsolutePath().normalize()));
        for (Path file : files) if (Files.isRegularFile(file)) all.add(file.toAbsolutePath().normalize());
        for (PlannedStep step : plan.steps()) all.addAll(sources(step, roots));
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : all) hashes.put(file.toString(), sha256(file));
        return hashes;
    }

    /** The current hashes of files hashed before; a file gone is left out. */
    public static Map<String, String> rehash(Collection<String> files) {
        Map<String, String> hashes = new TreeMap<>();
        for (String file : files) if (Files.isRegularFile(Path.of(file))) hashes.put(file, sha256(Path.of(file)));
        return hashes;
    }

    /** What changed since {@code saved} was taken: one line per file changed, removed or added. */
    public static List<String> moved(Map<String, String> saved, Map<String, String> now) {
        List<String> moved = new ArrayList<>();
        saved.forEach((file, hash) -> {
            if (!now.containsKey(file)) moved.add(file + " was removed");
            else if (!now.get(file).equals(hash)) moved.add(file + " changed");
        });
        now.keySet().stream().filter(f -> !saved.containsKey(f)).forEach(f -> moved.add(f + " was added"));
        return moved;
    }

    private static List<Path> walk(Path root) {
        Path dir = Files.isDirectory(root) ? root : root.getParent();
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> paths = Files.walk(dir, 6)) {
            return paths.filter(p -> !hidden(dir, p) && Files.isRegularFile(p)).limit(MAX_FILES).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static boolean hidden(Path dir, Path p) {
        for (Path part : dir.relativize(p)) if (part.toString().startsWith(".")) return true;
        return false;
    }

    // a relative src is looked for as HostView#controlFile looks for it, beside each playbook
    private static List<Path> sources(PlannedStep step, Collection<Path> roots) {
        if (step.hidden() || !(step.args().get("src") instanceof String src) || src.isEmpty()) return List.of();
        List<Path> candidates = new ArrayList<>();
        if (src.startsWith("/")) candidates.add(Path.of(src));
        else for (Path root : roots) for (String dir : SOURCE_DIRS) candidates.add(base(root).resolve(dir).resolve(src));
        return candidates.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isRegularFile).limit(1).toList();
    }

    private static Path base(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        return Files.isDirectory(abs) ? abs : abs.getParent();
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
