package io.swarmplay.modules.docker.copy;

import io.swarmplay.connection.docker.ArchiveEntry;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.PathStat;
import io.swarmplay.module.ModuleException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a container already holds what {@code docker_container_copy_into} would write, and the
 * diff it reports, step by step as community.docker 3.4.7's {@code is_file_idempotent} and
 * {@code is_content_idempotent}: {@code force: true} always writes, {@code force: false} writes
 * only where nothing is, and without {@code force} type, size, mode, owner, group and the bytes
 * are compared.
 */
public final class CopyCheck {

    /** ansible-core's MAX_FILE_SIZE_FOR_DIFF, which community.docker's action plugin passes on. */
    static final long MAX_DIFF = 104448;

    /**
     * The verdict.
     *
     * @param containerPath the path written (the link's target with {@code follow})
     * @param idempotent    true when nothing needs writing
     * @param diff          community.docker's diff ({@code before}, {@code before_header}, {@code after}, ...), or null when diff is off
     */
    public record Verdict(String containerPath, boolean idempotent, Map<String, Object> diff) {
    }

    private final DockerReader docker;
    private final String id;
    private final CopySource source;
    private final ContainerUser owner;
    private final Map<String, Object> diff;

    private CopyCheck(DockerReader docker, String id, CopySource source, ContainerUser owner, boolean diff) {
        this.docker = docker;
        this.id = id;
        this.source = source;
        this.owner = owner;
        this.diff = diff ? new LinkedHashMap<>() : null;
    }

    public static Verdict check(DockerReader docker, String id, CopySource source, ContainerUser owner, String path,
                                boolean follow, Boolean force, boolean diff) {
        return new CopyCheck(docker, id, source, owner, diff).decide(path, follow, force);
    }

    private Verdict decide(String path, boolean follow, Boolean force) {
        sourceDiff();
        if (Boolean.TRUE.equals(force) && !follow) {
            fetchDiff(path);
            return verdict(path, false);
        }
        Resolved at = stat(path, follow);
        String where = follow ? at.path : path;
        if (at.stat == null) {
            put("before_header", where);
            put("before", "");
            return verdict(where, false);
        }
        if (force != null) {
            statDiff(where, at.stat);
            if (!force) copyBeforeToAfter();
            return verdict(where, !force);
        }
        return verdict(where, compare(where, at.stat));
    }

    /** The checks without force: cheap ones on the stat first, then the archive entry itself. */
    private boolean compare(String path, PathStat stat) {
        String link = stat.isSymlink() ? stat.linkTarget() : null;
        if (source.link() || link != null || !stat.isRegular() || stat.size() != source.size()
                || stat.permissions() != source.mode()) {
            statDiff(path, stat);
            return source.link() && link != null && link.equals(source.target());
        }
        Optional<ArchiveEntry> entry = docker.archiveEntry(id, path);
        if (entry.isEmpty()) {
            put("before", "");
            return false;
        }
        entryDiff(path, entry.get());
        ArchiveEntry e = entry.get();
        boolean owned = (e.mode() & 07777) == source.mode() && e.uid() == owner.uid() && e.gid() == owner.gid();
        return switch (e.type()) {
            case FILE -> owned && Arrays.equals(e.content(), source.bytes());
            case SYMLINK -> owned && source.link() && e.linkName().equals(source.target());
            default -> false;
        };
    }

    private record Resolved(String path, PathStat stat) {
    }

    /** {@code stat_file}: what is at {@code path}, following links in the container when asked. */
    private Resolved stat(String path, boolean follow) {
        Set<String> seen = new HashSet<>();
        String at = path;
        while (true) {
            if (!seen.add(at)) {
                throw new ModuleException("Found infinite symbolic link loop when trying to stating \"" + at + "\"");
            }
            PathStat stat = docker.statPath(id, at).orElse(null);
            if (stat == null || !stat.isSymlink() || !follow) return new Resolved(at, stat);
            at = CopySource.resolve(at, stat.linkTarget());
        }
    }

    // ---- the diff, as community.docker fills it

    private void sourceDiff() {
        if (source.size() > MAX_DIFF) put("src_larger", MAX_DIFF);
        else if (source.link()) text("after", source.header(), source.target());
        else if (binary(source.bytes())) put("src_binary", 1);
        else text("after", source.header(), new String(source.bytes(), StandardCharsets.UTF_8));
    }

    private void statDiff(String path, PathStat stat) {
        if (diff == null) return;
        if (!stat.isRegular()) {
            text("before", path, stat.describeSpecial());
        } else if (stat.size() > MAX_DIFF) {
            put("dst_larger", MAX_DIFF);
        } else {
            fetchDiff(path);
        }
    }

    /** The "before" from the archive entry at {@code path} (already resolved when following links). */
    private void fetchDiff(String path) {
        if (diff == null) return;
        Optional<ArchiveEntry> entry = docker.archiveEntry(id, path);
        if (entry.isEmpty()) put("before", "");
        else entryDiff(path, entry.get());
    }

    private void entryDiff(String path, ArchiveEntry e) {
        if (diff == null) return;
        switch (e.type()) {
            case FILE -> {
                if (e.content().length > MAX_DIFF) put("dst_larger", MAX_DIFF);
                else if (binary(e.content())) put("dst_binary", 1);
                else text("before", path, new String(e.content(), StandardCharsets.UTF_8));
            }
            case SYMLINK -> text("before", path, e.linkName());
            case DIRECTORY -> text("before", path, "(directory)");
            default -> text("before", path, "(unknown filesystem object)");
        }
    }

    /** {@code force: false}: nothing is written, so the "after" is the "before". */
    private void copyBeforeToAfter() {
        if (diff == null) return;
        for (String[] pair : new String[][] {{"dst_size", "src_size"}, {"dst_binary", "src_binary"},
                {"before_header", "after_header"}, {"before", "after"}}) {
            if (diff.containsKey(pair[0])) diff.put(pair[1], diff.get(pair[0]));
            else diff.remove(pair[1]);
        }
    }

    private void text(String side, String header, String value) {
        put(side + "_header", header);
        put(side, value);
    }

    private void put(String key, Object value) {
        if (diff != null) diff.put(key, value);
    }

    private static boolean binary(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return true;
        return false;
    }

    private Verdict verdict(String path, boolean idempotent) {
        return new Verdict(path, idempotent, diff);
    }
}
