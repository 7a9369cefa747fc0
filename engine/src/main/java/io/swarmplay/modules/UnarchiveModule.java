package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.module.Alias;
import io.swarmplay.modules.support.ArchiveListing;
import io.swarmplay.modules.support.ControlFiles;
import io.swarmplay.modules.support.Results;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unpacks a tar, tar.gz (also .bz2, .xz) or zip archive into an existing directory on the host;
 * the archive comes from the control node (found under {@code files/}) or, with
 * {@code remote_src}, is already on the host.
 * <pre>{@code
 * - unarchive:
 *     src: app-1.2.tar.gz
 *     dest: /opt/app
 *     creates: /opt/app/bin/app
 * }</pre>
 * Plans read the archive's listing and compare it with {@code dest} (every file present with its
 * size): nothing to do when it is already unpacked. Extraction runs GNU tar or unzip on the host.
 * Registers {@code dest, src, handler, extract_results} and, with {@code list_files}, {@code files}.
 */
@ModuleInfo(name = "unarchive", checkMode = CheckSupport.FULL)
public final class UnarchiveModule implements Module<UnarchiveModule.Args> {

    /** {@code keep_newer}, {@code io_buffer_size}, {@code validate_certs}, {@code decrypt} and the SELinux arguments are accepted and not used. */
    public record Args(@Required(Required.SRC_OR_CONTENT_AND_DEST) @Doc("the archive: a control-node file, or a host file with remote_src") String src,
                       @Required(Required.SRC_OR_CONTENT_AND_DEST) @Doc("existing directory on the host to unpack into") String dest,
                       @Doc("the archive is already on the host") boolean remote_src,
                       @Default("true") @Doc("deprecated inverse of remote_src") boolean copy,
                       @Doc("skip when this path exists on the host") String creates,
                       @Doc("register the archive's entries as files") boolean list_files,
                       @Doc("members not to extract") List<String> exclude,
                       @Doc("only these members are extracted") List<String> include,
                       @Doc("more options for tar or unzip") List<String> extra_opts,
                       boolean keep_newer, Integer io_buffer_size, @Default("true") boolean validate_certs,
                       @Default("true") boolean decrypt, Object mode, String owner, String group,
                       boolean unsafe_writes, @Alias("attr") String attributes, String seuser, String serole,
                       String selevel, String setype) {
    }

    /** What plan found: the archive's bytes when they must be sent, its listing, and the fields to register. */
    private record Unpack(byte[] upload, ArchiveListing listing, Map<String, Object> data) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (args.creates() != null && host.stat(args.creates()).isPresent()) {
            String msg = "skipped, since " + args.creates() + " exists";
            return Change.none(msg).withPayload(Outcome.skipped(msg).withData(Map.of("msg", msg)));
        }
        boolean remote = args.remote_src() || !args.copy();
        byte[] archive = remote ? remoteArchive(args.src(), host) : ControlFiles.read(ControlFiles.find(host, args.src(), "files"));
        if (archive.length == 0) throw new ModuleException("Invalid archive '" + args.src() + "', the file is 0 bytes");
        if (!host.stat(args.dest()).map(FileStat::isDirectory).orElse(false)) {
            throw new ModuleException(remote ? "Destination '" + args.dest() + "' is not a directory"
                    : "dest '" + args.dest() + "' must be an existing dir");
        }
        ArchiveListing listing = ArchiveListing.of(archive, args.src());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", args.dest());
        data.put("src", args.src());
        data.put("handler", listing.handler());
        if (args.list_files()) data.put("files", listing.entries().stream().map(ArchiveListing.Entry::name).toList());
        if (listing.listed() && unpacked(args, listing, host)) {
            return Results.none(args.src() + " is already unpacked in " + args.dest(), data);
        }
        return Change.update("unpack " + args.src() + " into " + args.dest())
                .withPayload(new Unpack(remote ? null : archive, listing, data));
    }

    private static byte[] remoteArchive(String src, HostView host) {
        if (host.stat(src).isEmpty()) throw new ModuleException("Source '" + src + "' does not exist");
        return host.read(src);
    }

    /** Every member is in dest: directories as directories, files with their size. */
    private static boolean unpacked(Args args, ArchiveListing listing, HostView host) {
        List<ArchiveListing.Entry> wanted = listing.entries().stream().filter(e -> selected(args, e.name())).toList();
        if (wanted.isEmpty()) return true;
        StringBuilder script = new StringBuilder("cd " + ShellQuote.quote(args.dest()) + " || exit 1; for f in");
        for (ArchiveListing.Entry e : wanted) script.append(' ').append(ShellQuote.quote(e.name()));
        script.append("; do if [ -d \"$f\" ]; then echo d; elif [ -e \"$f\" ]; then stat -c %s -- \"$f\"; else echo -; fi; done");
        List<String> found = host.probe(Command.shell(script.toString())).stdout().lines().toList();
        if (found.size() != wanted.size()) return false;
        for (int i = 0; i < wanted.size(); i++) {
            ArchiveListing.Entry e = wanted.get(i);
            if (!found.get(i).equals(e.directory() ? "d" : String.valueOf(e.size()))) return false;
        }
        return true;
    }

    private static boolean selected(Args args, String name) {
        String bare = name.replaceAll("/+$", "");
        if (args.include() != null && !args.include().isEmpty()) return args.include().contains(name) || args.include().contains(bare);
        return args.exclude() == null || !(args.exclude().contains(name) || args.exclude().contains(bare));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Unpack unpack = (Unpack) change.payload();
        String archive = args.src();
        String temp = null;
        if (unpack.upload() != null) {
            temp = host.run(Command.shell("mktemp \"${TMPDIR:-/tmp}/swarmplay-archive.XXXXXXXX\"")).stdoutTrimmed();
            host.write(temp, new ByteArrayInputStream(unpack.upload()), new FileAttrs(0600, null, null));
            archive = temp;
        }
        try {
            List<String> argv = command(args, unpack.listing().handler(), archive);
            ExecResult result = host.run(Command.of(argv));
            Map<String, Object> data = new LinkedHashMap<>(unpack.data());
            data.put("extract_results", Map.of("cmd", argv, "rc", result.rc(), "out", result.stdout(), "err", result.stderr()));
            if (!result.succeeded()) throw new ModuleException("failed to unpack " + args.src() + " to " + args.dest(), data);
            return Outcome.changed(change).withData(data);
        } finally {
            if (temp != null) host.run(Command.of("rm", "-f", "--", temp));
        }
    }

    /** GNU tar (compression detected by tar) or unzip, as Ansible's handlers run them. */
    private static List<String> command(Args args, String handler, String archive) {
        List<String> argv = new ArrayList<>();
        List<String> extra = args.extra_opts() == null ? List.of() : args.extra_opts();
        if (handler.equals("ZipArchive")) {
            argv.addAll(List.of("unzip", "-o"));
            argv.addAll(extra);
            argv.add(archive);
            if (args.include() != null) argv.addAll(args.include());
            argv.addAll(List.of("-d", args.dest()));
            if (args.exclude() != null && !args.exclude().isEmpty()) {
                argv.add("-x");
                argv.addAll(args.exclude());
            }
            return argv;
        }
        argv.addAll(List.of("tar", "--extract", "-C", args.dest()));
        if (args.owner() != null) argv.add("--owner=" + args.owner());
        if (args.group() != null) argv.add("--group=" + args.group());
        if (args.exclude() != null) args.exclude().forEach(e -> argv.add("--exclude=" + e));
        argv.addAll(extra);
        argv.addAll(List.of("-f", archive));
        if (args.include() != null) argv.addAll(args.include());
        return argv;
    }

}
