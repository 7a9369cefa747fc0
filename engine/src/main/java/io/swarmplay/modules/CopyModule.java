package io.swarmplay.modules;

import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.connection.Command;
import io.swarmplay.modules.support.CommandSupport;
import io.swarmplay.modules.support.ControlFiles;
import io.swarmplay.modules.support.FileMode;
import io.swarmplay.modules.support.RemoteTreeCopy;
import io.swarmplay.modules.support.DirectoryCopy;
import io.swarmplay.modules.support.FileContent;
import io.swarmplay.modules.support.ManagedFile;
import io.swarmplay.modules.support.Safeguards;

import io.swarmplay.template.filters.SerialisationFilters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a file on the host from the control node ({@code src}, looked up under {@code files/}) or
 * from inline {@code content}. Idempotent by SHA-256: unchanged content is not sent again.
 * <pre>{@code
 * - copy:
 *     src: app.conf            # files/app.conf next to the playbook
 *     dest: /etc/app/          # a directory: the file keeps its name
 *     mode: "0640"
 *     owner: root
 * - copy:
 *     content: "listen {{ port }}\n"
 *     dest: /etc/app/listen.conf
 * }</pre>
 * The parent directory must exist (as in Ansible). Writes are atomic. A {@code src} directory is
 * copied recursively ({@code dir} lands as {@code dest/dir}, {@code dir/} puts its contents into
 * {@code dest}; {@code directory_mode} applies to the directories created).
 */
@ModuleInfo(name = "copy", checkMode = CheckSupport.FULL, diff = true)
public final class CopyModule implements Module<CopyModule.Args> {

    private static final String PRESERVE = "preserve";

    /** {@code content} may be a rendered list or mapping: it is written as JSON, as Ansible does. */
    /**
     * {@code remote_src} copies a file already on the host; {@code decrypt} (default true) decrypts a
     * vault-encrypted {@code src}; {@code follow},
     * {@code local_follow}, {@code directory_mode}; {@code unsafe_writes} lets a file in a directory
     * that refuses new files be overwritten in place (without it that directory fails the task, as
     * Ansible's copy); the SELinux/attribute arguments are accepted as Ansible's and change nothing here.
     */
    public record Args(String src, Object content, @Required("dest is required") @Alias("path") String dest, Object mode,
                       String owner, String group, @Default("true") boolean force, boolean remote_src,
                       boolean backup, String validate, Object directory_mode, boolean follow,
                       Boolean local_follow, @Default("true") boolean decrypt, String checksum,
                       boolean unsafe_writes, @Alias("attr") String attributes, String seuser, String serole,
                       String selevel, String setype) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (args.src() != null && args.content() != null) throw new ModuleException("src and content are mutually exclusive");
        if ((args.src() == null || args.src().isEmpty()) && args.content() == null) {
            throw new ModuleException("src (or content) is required");
        }
        if (args.remote_src()) return planRemote(args, host);
        if (args.src() != null) {
            Path tree = host.controlFile(args.src(), "files");
            if (tree != null && java.nio.file.Files.isDirectory(tree)) {
                return new DirectoryCopy(args.mode(), args.directory_mode(), args.owner(), args.group(), args.force(),
                        safeguards(args), !Boolean.FALSE.equals(args.local_follow()), args.decrypt()).plan(tree, args.src(), args.dest(), host);
            }
        }
        Path src = args.src() == null ? null : ControlFiles.find(host, args.src(), "files");
        FileContent content = src == null ? FileContent.of(bytes(args.content())) : ControlFiles.content(src, args.decrypt(), host);
        Object mode = PRESERVE.equals(args.mode()) ? localMode(src) : args.mode();
        return planFile(args, content, src == null ? null : src.getFileName().toString(), mode, host);
    }

    /** {@code remote_src}: a file (or, see {@link RemoteTreeCopy}, a directory) already on the host. */
    private static Change planRemote(Args args, HostView host) {
        String kind = RemoteTreeCopy.kind(args.src(), host);
        switch (kind) {
            case "missing" -> throw new ModuleException("Source " + args.src() + " not found");
            case "other" -> throw new ModuleException("Cannot copy invalid source '" + args.src() + "': not a file");
            case "directory" -> {
                return new RemoteTreeCopy(args.mode(), args.directory_mode(), args.owner(), args.group(),
                        args.local_follow()).plan(args.src(), args.dest(), host);
            }
            default -> {
                Object mode = PRESERVE.equals(args.mode()) ? RemoteTreeCopy.mode(args.src(), host) : args.mode();
                return planFile(args, FileContent.of(host.read(args.src())), baseName(args.src()), mode, host);
            }
        }
    }

    /**
     * One file to {@code dest}: a dest that ends with / (made with its missing parents, with
     * {@code directory_mode}) or is a directory receives the file under src's name; with
     * {@code follow} a dest that is a symlink is written through to the file it points to.
     */
    private static Change planFile(Args args, FileContent content, String name, Object mode, HostView host) {
        String dest = args.dest();
        List<String> parents = new ArrayList<>();
        Optional<FileStat> destStat;
        if (dest.endsWith("/")) {
            if (name == null) throw new ModuleException("can not use content with a dir as dest");
            parents = missingDirectories(dest, host);
            dest = dest + name;
            destStat = parents.isEmpty() ? host.stat(dest) : Optional.empty();
        } else {
            destStat = host.stat(dest);
            if (destStat.map(FileStat::isDirectory).orElse(false)) {
                if (name == null) throw new ModuleException("can not use content with a dir as dest");
                dest = dest + "/" + name;
                destStat = host.stat(dest);
            }
        }
        if (args.follow() && destStat.map(s -> s.type() == FileStat.Type.LINK).orElse(false)) {
            dest = RemoteTreeCopy.realPath(dest, host);
            destStat = host.stat(dest);
        }
        ManagedFile.Desired want = new ManagedFile.Desired(dest, content, mode, args.owner(), args.group(),
                args.force(), safeguards(args));
        Change file = ManagedFile.plan(want, host, destStat);
        if (parents.isEmpty()) return file;
        Integer dirMode = FileMode.parse(args.directory_mode(), 0755, true);
        return Change.create("create " + String.join(", ", parents) + " and " + dest)
                .withDiff(file.diff()).withPayload(new WithParents(parents, dirMode, file));
    }

    /**
     * Ansible's copy: without {@code unsafe_writes} a directory the module may not write to (os.access W_OK)
     * fails the task with "Destination DIR not writable"; looked at only when the write failed (no probe per copy).
     */
    private static Outcome writeOrExplain(Change change, HostSession host, boolean unsafeWrites) {
        try {
            return ManagedFile.apply(change, host);
        } catch (RuntimeException failed) {
            String dest = ManagedFile.path(change);
            if (unsafeWrites || dest == null) throw failed;
            int slash = dest.lastIndexOf('/');
            String dir = slash < 0 ? "." : slash == 0 ? "/" : dest.substring(0, slash);
            if (!host.stat(dir).isPresent() || host.probe(Command.of("test", "-w", dir)).succeeded()) throw failed;
            throw new ModuleException("Destination " + dir + " not writable");
        }
    }

    /** A file whose missing parent directories are made first. */
    private record WithParents(List<String> directories, Integer mode, Change file) {
    }

    private static List<String> missingDirectories(String dir, HostView host) {
        List<String> missing = new ArrayList<>();
        String p = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        while (!p.isEmpty() && host.stat(p).isEmpty()) {
            missing.add(0, p);
            int slash = p.lastIndexOf('/');
            if (slash <= 0) break;
            p = p.substring(0, slash);
        }
        return missing;
    }

    private static Safeguards safeguards(Args args) {
        return new Safeguards(args.backup(), args.validate(), args.unsafe_writes());
    }

    private static String baseName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        if (change.payload() instanceof WithParents made) {
            for (String dir : made.directories()) {
                CommandSupport.require(host, Command.of("mkdir", "--", dir));
                if (made.mode() != null) CommandSupport.require(host, Command.of("chmod", FileMode.format(made.mode()), "--", dir));
            }
            return ManagedFile.apply(made.file(), host);
        }
        if (RemoteTreeCopy.isTree(change)) return RemoteTreeCopy.apply(change, host);
        return DirectoryCopy.isTree(change) ? DirectoryCopy.apply(change, host) : writeOrExplain(change, host, args.unsafe_writes());
    }

    /** {@code mode: preserve}: the control-node source file's own mode. */
    private static String localMode(Path local) {
        if (local == null) return null;
        try {
            return String.format("%04o", ((Integer) java.nio.file.Files.getAttribute(local, "unix:mode")) & 07777);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            throw new ModuleException("cannot read the mode of " + local + " to preserve it: " + e.getMessage());
        }
    }

    private static byte[] bytes(Object content) {
        String text = content instanceof java.util.Map || content instanceof java.util.List
                ? SerialisationFilters.json(content, -1, false) : content.toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
