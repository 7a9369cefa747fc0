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
import io.swarmplay.modules.support.ControlFiles;
import io.swarmplay.modules.support.DirectoryCopy;
import io.swarmplay.modules.support.FileContent;
import io.swarmplay.modules.support.ManagedFile;
import io.swarmplay.modules.support.Safeguards;

import io.swarmplay.template.filters.SerialisationFilters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
     * {@code local_follow}, {@code directory_mode}, {@code unsafe_writes} and the SELinux/attribute
     * arguments are accepted as Ansible's and change nothing here (writes are always atomic).
     */
    public record Args(String src, Object content, @Required("dest is required") @Alias("path") String dest, Object mode,
                       String owner, String group, @Default("true") boolean force, boolean remote_src,
                       boolean backup, String validate, Object directory_mode, boolean follow,
                       @Default("true") boolean local_follow, @Default("true") boolean decrypt, String checksum,
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
        if (args.src() != null && !args.remote_src()) {
            Path tree = host.controlFile(args.src(), "files");
            if (tree != null && java.nio.file.Files.isDirectory(tree)) {
                return new DirectoryCopy(args.mode(), args.directory_mode(), args.owner(), args.group(), args.force(),
                        new Safeguards(args.backup(), args.validate())).plan(tree, args.src(), args.dest(), host);
            }
        }
        Path src = args.src() == null || args.remote_src() ? null : ControlFiles.find(host, args.src(), "files");
        FileContent content = args.remote_src() ? FileContent.of(remote(args.src(), host))
                : src == null ? FileContent.of(bytes(args.content())) : ControlFiles.content(src, args.decrypt(), host);
        Object mode = PRESERVE.equals(args.mode()) ? sourceMode(args, src, host) : args.mode();
        if (args.remote_src() && (args.dest().endsWith("/") || host.stat(args.dest()).map(FileStat::isDirectory).orElse(false))) {
            src = Path.of(args.src());
        }
        Optional<FileStat> destStat = host.stat(args.dest());
        String dest = destination(args.dest(), destStat, src);
        ManagedFile.Desired want = new ManagedFile.Desired(dest, content, mode, args.owner(), args.group(),
                args.force(), new Safeguards(args.backup(), args.validate()));
        return dest.equals(args.dest()) ? ManagedFile.plan(want, host, destStat) : ManagedFile.plan(want, host);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return DirectoryCopy.isTree(change) ? DirectoryCopy.apply(change, host) : ManagedFile.apply(change, host);
    }

    /** {@code mode: preserve}: the source file's own mode, on the control node or (remote_src) on the host. */
    private static String sourceMode(Args args, Path local, HostView host) {
        if (args.remote_src()) return host.stat(args.src()).map(FileStat::modeOctal).orElse(null);
        try {
            return String.format("%04o", ((Integer) java.nio.file.Files.getAttribute(local, "unix:mode")) & 07777);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            throw new ModuleException("cannot read the mode of " + local + " to preserve it: " + e.getMessage());
        }
    }

    /** A file on the host as the source ({@code remote_src}); a missing one is Ansible's error. */
    private static byte[] remote(String src, HostView host) {
        Optional<FileStat> stat = host.stat(src);
        if (stat.isEmpty()) throw new ModuleException("Source " + src + " not found");
        if (stat.get().isDirectory()) {
            throw new ModuleException("src " + src + " is a directory; copying directories is not supported, give a file");
        }
        return host.read(src);
    }

    private static byte[] bytes(Object content) {
        String text = content instanceof java.util.Map || content instanceof java.util.List
                ? SerialisationFilters.json(content, -1, false) : content.toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A dest that is a directory (or ends with /) receives the file under src's name. */
    private static String destination(String dest, Optional<FileStat> destStat, Path src) {
        boolean intoDir = dest.endsWith("/") || destStat.map(FileStat::isDirectory).orElse(false);
        if (!intoDir) return dest;
        if (src == null) {
            throw new ModuleException("can not use content with a dir as dest");
        }
        return (dest.endsWith("/") ? dest : dest + "/") + src.getFileName();
    }
}
