package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
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
import io.swarmplay.modules.support.ControlFiles;
import io.swarmplay.modules.support.ManagedFile;
import io.swarmplay.modules.support.PythonRegex;
import io.swarmplay.modules.support.Safeguards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Joins the fragments of a directory (sorted by name) into one file, as Ansible's assemble:
 * a newline after a fragment that lacks one, {@code delimiter} (escapes decoded, newline added)
 * between fragments, only names matching {@code regexp}, hidden ones skipped with
 * {@code ignore_hidden}. {@code remote_src: false} reads the fragments on the control node
 * ({@code files/} first).
 * <pre>{@code
 * - assemble:
 *     src: /etc/app/conf.d
 *     dest: /etc/app/app.conf
 *     delimiter: '### fragment ###'
 * }</pre>
 */
@ModuleInfo(name = "assemble", checkMode = CheckSupport.SKIP_ACTION, diff = true)
public final class AssembleModule implements Module<AssembleModule.Args> {

    /** {@code unsafe_writes}, {@code decrypt} and the SELinux/attribute arguments are accepted and change nothing here. */
    public record Args(@Required(Required.SRC_AND_DEST) @Doc("directory of fragments") String src,
                       @Required(Required.SRC_AND_DEST) @Doc("the file to write") String dest,
                       @Doc("written between fragments") String delimiter,
                       @Doc("only fragments whose name matches this Python regular expression") String regexp,
                       @Doc("skip fragments whose name starts with a dot") boolean ignore_hidden,
                       @Default("true") @Doc("the fragments are on the host (false: on the control node)") boolean remote_src,
                       @Doc("keep a timestamped copy of the file being replaced") boolean backup,
                       @Doc("command run on the new file (%s) before it replaces the original") String validate,
                       Object mode, String owner, String group, boolean follow, boolean unsafe_writes,
                       @Default("true") boolean decrypt, String attributes, String seuser, String serole,
                       String selevel, String setype) {
    }

    /** One fragment: its name and bytes. */
    private record Fragment(String name, byte[] content) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        List<Fragment> fragments = args.remote_src() ? remote(args.src(), host) : local(args.src(), host);
        Pattern only = args.regexp() == null ? null : PythonRegex.compile(args.regexp(), 0);
        byte[] joined = join(fragments.stream()
                .filter(f -> only == null || only.matcher(f.name()).find())
                .filter(f -> !args.ignore_hidden() || !f.name().startsWith("."))
                .toList(), args.delimiter());
        ManagedFile.Desired want = new ManagedFile.Desired(args.dest(), joined, args.mode(), args.owner(), args.group(),
                true, new Safeguards(args.backup(), args.validate()));
        return ManagedFile.plan(want, host);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return ManagedFile.apply(change, host);
    }

    /** Ansible's joining: a newline after a fragment without one, the delimiter (with a newline) between two. */
    static byte[] join(List<Fragment> fragments, String delimiter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] delim = delimiter == null || delimiter.isEmpty() ? null : unescape(delimiter).getBytes(StandardCharsets.UTF_8);
        boolean first = true;
        boolean addNewline = false;
        for (Fragment f : fragments) {
            if (addNewline) out.write('\n');
            if (!first && delim != null) {
                out.writeBytes(delim);
                if (delim[delim.length - 1] != '\n') out.write('\n');
            }
            out.writeBytes(f.content());
            first = false;
            addNewline = f.content().length == 0 || f.content()[f.content().length - 1] != '\n';
        }
        return out.toByteArray();
    }

    /** Python's {@code escape_decode} of the common escapes ({@code \n \t \r \\}). */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    /** The regular files directly in {@code src} on the host, sorted by name. */
    private static List<Fragment> remote(String src, HostView host) {
        FileStat stat = host.stat(src).orElseThrow(() -> new ModuleException("Source (" + src + ") does not exist"));
        if (!stat.isDirectory()) throw new ModuleException("Source (" + src + ") is not a directory");
        Command list = Command.of("find", src, "-mindepth", "1", "-maxdepth", "1", "-type", "f", "-printf", "%f\\0");
        ExecResult names = host.probe(list);
        if (!names.succeeded()) throw new ModuleException("cannot list " + src + ": " + names.tail(2));
        List<Fragment> fragments = new ArrayList<>();
        for (String name : names.stdout().split("\0")) {
            if (!name.isEmpty()) fragments.add(new Fragment(name, host.read(src.replaceAll("/+$", "") + "/" + name)));
        }
        fragments.sort((a, b) -> a.name().compareTo(b.name()));
        return fragments;
    }

    /** The regular files directly in {@code src} on the control node ({@code files/} first), sorted by name. */
    private static List<Fragment> local(String src, HostView host) {
        Path dir = host.controlFile(src, "files");
        if (dir == null || !Files.isDirectory(dir)) throw new ModuleException("Source (" + src + ") is not a directory");
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).sorted()
                    .map(p -> new Fragment(p.getFileName().toString(), ControlFiles.read(p))).toList();
        } catch (IOException e) {
            throw new ModuleException("cannot read " + dir + ": " + e.getMessage());
        }
    }
}
