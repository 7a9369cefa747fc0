package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Change;
import io.swarmplay.module.Diff;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Content that should be at a path, with optional mode, owner and group: compare (by SHA-256,
 * never sending unchanged content) and write atomically. The shared heart of {@code copy} and
 * {@code template}.
 */
public final class ManagedFile {

    /** What the file should be; {@code mode} as the user wrote it (see {@link FileMode#parse}). */
    public record Desired(String path, FileContent content, Object mode, String owner, String group, boolean force,
                          Safeguards safeguards) {

        public Desired(String path, byte[] content, Object mode, String owner, String group, boolean force,
                       Safeguards safeguards) {
            this(path, FileContent.of(content), mode, owner, group, force, safeguards);
        }

        public Desired(String path, byte[] content, Object mode, String owner, String group, boolean force) {
            this(path, FileContent.of(content), mode, owner, group, force, Safeguards.NONE);
        }
    }

    /**
     * What apply does: write the content, or only fix attributes with {@code fixes}. {@code hashes}
     * is null when the plan did not need them (a new file, a different size): they are computed while sending.
     */
    private record Write(String path, FileContent content, FileContent.Hashes hashes, FileAttrs attrs, boolean writeContent,
                         List<Command> fixes, Safeguards safeguards, boolean exists) {
    }

    private ManagedFile() {
    }

    /** Looks at the host: CREATE when missing, UPDATE when content or attributes differ, else NONE. */
    public static Change plan(Desired want, HostView host) {
        return plan(want, host, host.stat(want.path()));
    }

    /** As {@link #plan(Desired, HostView)} with the destination's stat already taken (one round trip less). */
    public static Change plan(Desired want, HostView host, Optional<FileStat> now) {
        if (now.isEmpty()) return planCreate(want, host);
        if (now.get().isDirectory()) {
            throw new ModuleException(want.path() + " is a directory on " + host.name() + "; give a file path as dest");
        }
        if (!want.force()) return Change.none(want.path() + " exists and force is false");
        return planUpdate(want, now.get(), host, Checksums.compare(want.content(), now.get(), host, want.path()));
    }

    // a missing parent is checked at apply: an earlier step of the same run may create it
    private static Change planCreate(Desired want, HostView host) {
        Ownership.requireAllowed(host, want.path(), want.owner(), want.group());
        Integer mode = FileMode.parse(want.mode(), 0644, false);
        FileAttrs attrs = new FileAttrs(mode, want.owner(), want.group());
        String what = "create " + want.path() + " (" + want.content().size() + " bytes"
                + (mode == null ? "" : ", mode " + FileMode.format(mode)) + ")";
        return Change.create(what).withDiff(Texts.diff(want.path(), null, want.content()))
                .withPayload(new Write(want.path(), want.content(), null, attrs, true, List.of(), want.safeguards(), false));
    }

    private static Change planUpdate(Desired want, FileStat stat, HostView host, Checksums.Comparison content) {
        boolean sameContent = content.same();
        Integer mode = FileMode.parse(want.mode(), stat.mode(), false);
        String owner = differs(want.owner(), stat.owner());
        String group = differs(want.group(), stat.group());
        List<String> what = new ArrayList<>();
        if (!sameContent) what.add("content");
        if (mode != null && mode != stat.mode()) what.add("mode " + stat.modeOctal() + " → " + FileMode.format(mode));
        if (owner != null) what.add("owner " + stat.owner() + " → " + owner);
        if (group != null) what.add("group " + stat.group() + " → " + group);
        if (what.isEmpty()) return unchanged(want, stat, content.local(), host);
        Ownership.requireAllowed(host, want.path(), owner, group);
        Integer newMode = mode != null && mode != stat.mode() ? mode : null;
        Write write = new Write(want.path(), want.content(), content.local(), new FileAttrs(mode, want.owner(), want.group()),
                !sameContent, Attributes.fixes(want.path(), newMode, owner, group, false), want.safeguards(), true);
        Change change = Change.update("update " + want.path() + ": " + String.join(", ", what)).withPayload(write);
        return sameContent ? change : change.withDiff(diff(want, stat, host));
    }

    // Ansible's result of a copy/template that changed nothing (checksum is SHA-1, as Ansible's; left
    // out when nothing reads the result, see Checksums)
    private static Change unchanged(Desired want, FileStat stat, FileContent.Hashes hashes, HostView host) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (hashes.sha1() != null) data.put("checksum", hashes.sha1());
        data.put("dest", want.path());
        data.put("path", want.path());
        data.put("size", stat.size() <= Integer.MAX_VALUE ? (Object) (int) stat.size() : stat.size());
        data.put("state", "file");
        data.put("mode", stat.modeOctal());
        data.put("owner", stat.owner());
        data.put("group", stat.group());
        if (host.resultRead()) data.putAll(attributes(want.path(), host));
        return Results.none("content and attributes of " + want.path() + " already match", data);
    }

    private static String differs(String wanted, String current) {
        return wanted != null && !wanted.equals(current) ? wanted : null;
    }

    /** The diff; the current content is read only when small enough to be shown. */
    private static Diff diff(Desired want, FileStat stat, HostView host) {
        if (stat.size() <= Texts.DIFF_LIMIT) return Texts.diff(want.path(), host.read(want.path()), want.content());
        String note = "(larger than 100 KiB, not shown: " + stat.size() + " bytes)\n";
        return Diff.text(want.path(), note, Texts.diff(want.path(), null, want.content()).after());
    }

    /** Ansible does not create missing parents for copy/template: fail naming the directory. */
    private static void requireParent(String path, HostView host) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) return;
        String parent = path.substring(0, slash);
        if (host.stat(parent).map(FileStat::isDirectory).orElse(false)) return;
        throw new ModuleException("Destination directory " + parent + " does not exist");
    }

    /**
     * Writes the content atomically, or only fixes attributes when the content already matches;
     * registers what Ansible's copy does: dest, src (a control-node file), checksum, md5sum, size,
     * state and the file's uid, gid, owner, group and mode as written. When nothing reads the result
     * ({@link io.swarmplay.module.HostView#resultRead}), the two digests and the stat of the written
     * file that only the result shows are left out: no hashing beside the send, one round trip less.
     */
    public static Outcome apply(Change change, HostSession host) {
        Write write = (Write) change.payload();
        boolean read = host.resultRead();
        Map<String, Object> data = new LinkedHashMap<>();
        if (write.writeContent()) {
            data.putAll(writeContent(write, host, read));
        } else {
            for (Command fix : write.fixes()) CommandSupport.require(host, fix);
        }
        data.put("dest", write.path());
        if (write.content() instanceof FileContent.ControlFile file) data.put("src", file.path().toString());
        else if (write.writeContent()) data.put("src", uploadedSource());
        if (read) putDigests(data, write);
        long size = write.content().size();
        data.put("size", size <= Integer.MAX_VALUE ? (Object) (int) size : size);
        data.put("state", "file");
        if (write.attrs().mode() != null) data.put("mode", FileMode.format(write.attrs().mode()));
        if (read) data.putAll(attributes(write.path(), host));
        return Outcome.changed(change).withData(data);
    }

    // the digests taken while sending, else those of the plan's comparison, else read now
    private static void putDigests(Map<String, Object> data, Write write) {
        data.put("checksum", data.remove("checksum") instanceof String sent ? sent
                : write.hashes() != null && write.hashes().sha1() != null ? write.hashes().sha1()
                : write.content().hashes().sha1());
        data.put("md5sum", data.remove("md5sum") instanceof String sent ? sent : md5(write.content()));
    }

    /** The path a planned write goes to, or null when the change is not one of this class's. */
    public static String path(Change change) {
        return change.payload() instanceof Write write ? write.path() : null;
    }

    /**
     * Where Ansible's copy/template action uploads generated content before the module moves it
     * into place ({@code <remote_tmp>/ansible-tmp-<time>-<pid>-<random>/source}); its result names it as {@code src}.
     */
    static String uploadedSource() {
        long micros = java.time.Instant.now().toEpochMilli() * 1000;
        long random = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 48);
        return String.format("~/.ansible/tmp/ansible-tmp-%d.%06d-%d-%d/source", micros / 1_000_000, micros % 1_000_000,
                ProcessHandle.current().pid(), random);
    }

    /** A file's uid, gid, owner, group and mode (one probe), as Ansible's file attributes report them; none when it is not there. */
    public static Map<String, Object> attributes(String path, HostView host) {
        ExecResult stat = host.probe(Command.of("stat", "-c", "%u|%g|%U|%G|%a", "--", path));
        String[] f = stat.stdout().strip().split("\\|", -1);
        if (!stat.succeeded() || f.length != 5) return Map.of();
        return Map.of("uid", Integer.parseInt(f[0]), "gid", Integer.parseInt(f[1]), "owner", f[2], "group", f[3],
                "mode", FileMode.format(Integer.parseInt(f[4], 8)));
    }

    private static String md5(FileContent content) {
        MessageDigest md5 = Texts.md5Digest();
        try (InputStream in = new DigestInputStream(content.open(), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw content.unreadable(e);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /**
     * Streams the content to the host, hashing it on the way when the result is read (no second read
     * for the checksums); the parent is looked at only when the write fails: one round trip less for
     * every file.
     */
    private static Map<String, Object> writeContent(Write write, HostSession host, boolean digests) {
        MessageDigest sha1 = digests ? Texts.sha1Digest() : null;
        MessageDigest md5 = digests ? Texts.md5Digest() : null;
        Map<String, Object> data;
        InputStream source = write.content().open();
        try (InputStream content = digests ? new DigestInputStream(new DigestInputStream(source, sha1), md5) : source) {
            data = write.safeguards().write(host, write.path(), content, write.attrs(), write.exists());
        } catch (IOException e) {
            throw write.content().unreadable(e);
        } catch (RuntimeException e) {
            requireParent(write.path(), host);
            throw e;
        }
        if (!digests) return data;
        data.put("checksum", HexFormat.of().formatHex(sha1.digest()));
        data.put("md5sum", HexFormat.of().formatHex(md5.digest()));
        return data;
    }
}
