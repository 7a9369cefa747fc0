package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.FindFilters;
import io.swarmplay.modules.support.Results;
import io.swarmplay.modules.support.StatFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists files under directories by name (shell globs or Python regexes), type, age, size and
 * content, as Ansible's {@code find}; read-only, so check mode and plans show the real result.
 * <pre>{@code
 * - find: {paths: /var/log, patterns: "*.gz", age: 2w, recurse: true}
 *   register: old_logs
 * - file: {path: "{{ item.path }}", state: absent}
 *   loop: "{{ old_logs.files }}"
 * }</pre>
 * Registers {@code files} (each with the stat fields: path, mode, size, mtime ...),
 * {@code matched}, {@code examined}, {@code msg} and {@code skipped_paths}. One shell command per
 * path lists the entries (GNU find and stat); {@code contains} and {@code get_checksum} read the
 * candidate files.
 */
@ModuleInfo(name = "find", readOnly = true, checkMode = CheckSupport.FULL)
public final class FindModule implements Module<FindModule.Args> {

    public record Args(@Required @Alias({"name", "path"}) @Doc("directories to search") List<String> paths,
                       @Alias("pattern") @Doc("basename globs (or regexes with use_regex); any one matches") List<String> patterns,
                       @Alias("exclude") @Doc("basename globs (or regexes) that exclude a match") List<String> excludes,
                       @Doc("regular expression a file's line (or whole content) must match") String contains,
                       @Doc("apply contains to the whole file instead of line by line") boolean read_whole_file,
                       @Default("file") @Choices({"any", "directory", "file", "link"}) String file_type,
                       @Doc("at least this old (e.g. 2d, 4w); negative: at most") String age,
                       @Default("mtime") @Choices({"atime", "ctime", "mtime"}) String age_stamp,
                       @Doc("at least this big (e.g. 10k, 1g); negative: at most") String size,
                       @Doc("descend into subdirectories") boolean recurse,
                       @Doc("include files and directories whose name starts with a dot") boolean hidden,
                       @Doc("follow symbolic links to directories when recursing") boolean follow,
                       @Doc("add the SHA-1 checksum of each file") boolean get_checksum,
                       @Doc("patterns and excludes are Python regular expressions") boolean use_regex,
                       @Doc("how deep to descend when recursing") Integer depth) {
    }

    /** One entry a listing found: its path, its depth below the searched directory and its stat fields. */
    private record Entry(String path, int depth, String[] stat) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        FindFilters filters = FindFilters.of(args.patterns(), args.excludes(), args.use_regex(), args.age(), args.size(),
                args.contains(), args.read_whole_file());
        List<Map<String, Object>> files = new ArrayList<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        int examined = 0;
        for (String path : args.paths()) {
            Listing listing = list(path, args, host);
            if (listing == null) {
                skipped.put(path, "'" + path + "' is not a directory");
                continue;
            }
            examined += listing.entries().size();
            for (Entry e : listing.entries()) {
                Map<String, Object> found = match(e, args, filters, listing.now(), host);
                if (found != null) files.add(found);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("files", files);
        data.put("changed", false);
        data.put("msg", skipped.isEmpty() ? "All paths examined" : "Not all paths examined, check warnings for details");
        data.put("matched", files.size());
        data.put("examined", examined);
        data.put("skipped_paths", skipped);
        return Results.none("find only reads: " + files.size() + " matched", data);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }

    /** The entries of one searched directory and the host's clock; null when it is not a directory. */
    private record Listing(List<Entry> entries, long now) {
    }

    private static Listing list(String path, Args args, HostView host) {
        String maxDepth = !args.recurse() ? "-maxdepth 1 " : args.depth() != null && args.depth() > 0
                ? "-maxdepth " + (args.depth() + 1) + " " : "";
        String script = "p=" + expandable(path) + "; [ -d \"$p\" ] || exit 3; date +%s; find " + (args.follow() ? "-L " : "")
                + "\"$p\" -mindepth 1 " + maxDepth + "-exec stat -c '" + StatFields.FORMAT + "|%n' {} + 2>/dev/null; exit 0";
        ExecResult result = host.probe(Command.shell(script));
        if (result.rc() == 3) return null;
        if (!result.succeeded()) throw new ModuleException("cannot list " + path + " on " + host.name() + ": " + result.tail(2));
        List<String> lines = result.stdout().lines().toList();
        String base = path.replaceAll("/+$", "");
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\\|", StatFields.COUNT + 1);
            if (f.length <= StatFields.COUNT) continue;
            String name = f[StatFields.COUNT].replaceAll("/{2,}", "/");
            int depth = (int) name.substring(Math.min(name.length(), base.length())).chars().filter(c -> c == '/').count();
            entries.add(new Entry(name, depth, f));
        }
        return new Listing(entries, Long.parseLong(lines.get(0).strip()));
    }

    /** The path for the shell: double-quoted so that {@code $VAR} expands, a leading {@code ~} as $HOME (Python's expandvars, expanduser). */
    private static String expandable(String path) {
        String home = path.equals("~") || path.startsWith("~/") ? "$HOME" : "";
        String rest = home.isEmpty() ? path : path.substring(1);
        return "\"" + home + rest.replaceAll("([\"\\\\`])", "\\\\$1") + "\"";
    }

    /** The entry's registered fields when it matches; null when not. */
    private static Map<String, Object> match(Entry e, Args args, FindFilters filters, long now, HostView host) {
        if (args.depth() != null && args.depth() > 0 && e.depth() > args.depth()) return null;
        String name = e.path().substring(e.path().lastIndexOf('/') + 1);
        if (name.startsWith(".") && !args.hidden()) return null;
        int type = StatFields.rawMode(e.stat()) & 0170000;
        boolean regular = type == 0100000;
        boolean wanted = switch (args.file_type()) {
            case "any" -> true;
            case "directory" -> type == 0040000;
            case "link" -> type == 0120000;
            default -> regular;
        };
        Map<String, Object> fields = StatFields.parse(e.stat());
        double stamp = (Double) fields.get(args.age_stamp());
        if (!wanted || !filters.name(name) || !filters.age(now, stamp)) return null;
        if (regular && !filters.size((Long) fields.get("size"))) return null;
        boolean file = args.file_type().equals("file");
        if (file && !filters.content(() -> host.read(e.path()))) return null;
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("path", e.path());
        found.putAll(fields);
        if (regular && args.get_checksum() && !args.file_type().equals("directory")) {
            found.put("checksum", io.swarmplay.modules.support.Texts.sha1(host.read(e.path())));
        }
        return found;
    }
}
