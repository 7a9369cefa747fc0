package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Expansion;
import io.swarmplay.modules.support.Results;
import io.swarmplay.modules.support.StatFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports what is at a path, without changing anything; the result is registered as {@code stat}.
 * <pre>{@code
 * - stat: {path: /etc/app.conf}
 *   register: conf
 * - debug: {msg: "mode is {{ conf.stat.mode }}"}
 *   when: conf.stat.exists
 * }</pre>
 * Fields as Ansible's: exists, path, mode, isreg/isdir/islnk/ischr/isblk/isfifo/issock, uid, gid,
 * pw_name, gr_name, size, inode, dev, nlink, atime/mtime/ctime, the permission flags (rusr ...
 * xoth, isuid, isgid), readable/writeable/executable, lnk_source/lnk_target, checksum
 * ({@code get_checksum}), md5 ({@code get_md5}), mimetype/charset ({@code get_mime}), attributes ({@code get_attributes}).
 * {@code follow} describes a link's target instead of the link.
 */
@ModuleInfo(name = "stat", readOnly = true, checkMode = CheckSupport.FULL)
public final class StatModule implements Module<StatModule.Args> {

    public record Args(@Required @Alias({"dest", "name"}) String path, boolean follow,
                       @Default("true") boolean get_checksum,
                       @Alias({"checksum", "checksum_algo"}) @Default("sha1")
                       @Choices({"sha1", "md5", "sha224", "sha256", "sha384", "sha512"}) String checksum_algorithm,
                       @Alias("mime") @Default("true") boolean get_mime,
                       @Alias("attr") @Default("true") boolean get_attributes, boolean get_md5) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args given, HostView host) {
        Args args = expanded(given, host);
        // nothing there (e.g. on a fresh host): no need to ask for the details
        if (host.stat(args.path()).isEmpty()) return found(args, List.of());
        ExecResult probe = host.probe(Command.shell(script(args)));
        return found(args, probe.succeeded() ? probe.stdout().lines().toList() : List.of());
    }

    /** Ansible's {@code path} type: {@code ~} and {@code $VAR} expanded on the host, before the module reads it. */
    private static Args expanded(Args args, HostView host) {
        String path = Expansion.path(args.path(), host);
        return path.equals(args.path()) ? args : new Args(path, args.follow(), args.get_checksum(),
                args.checksum_algorithm(), args.get_mime(), args.get_attributes(), args.get_md5());
    }

    /** The result from the probe's lines (none: nothing at the path). */
    private static Change found(Args args, List<String> lines) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("exists", !lines.isEmpty());
        if (!lines.isEmpty()) describe(args, lines, fields);
        String reason = "stat only reads: " + args.path() + (lines.isEmpty() ? " does not exist" : " exists");
        return Results.none(reason, Map.of("stat", fields));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }

    /**
     * One shell command: GNU stat's fields, the access tests, the link, then checksum, mime,
     * attributes and md5, one line each (an empty line when a tool fails, so that the lines keep their places).
     */
    private static String script(Args args) {
        String p = ShellQuote.quote(args.path());
        String sum = args.checksum_algorithm() + "sum";
        return "p=" + p + "; stat " + (args.follow() ? "-L " : "")
                + "-c '" + StatFields.FORMAT + "|%b|%o|%r' -- \"$p\" || exit 1; "
                + "for t in r w x; do test -$t \"$p\" && echo 1 || echo 0; done; "
                + "readlink -- \"$p\" || echo; readlink -f -- \"$p\" || echo; "
                + (args.get_checksum() ? "if [ -f \"$p\" ] && [ -r \"$p\" ]; then " + sum + " < \"$p\" | cut -d' ' -f1; else echo; fi; " : "echo; ")
                + (args.get_mime() ? "file -b --mime-type -- \"$p\" 2>/dev/null || echo; file -b --mime-encoding -- \"$p\" 2>/dev/null || echo; " : "echo; echo; ")
                + (args.get_attributes() ? "a=$(lsattr -d -- \"$p\" 2>/dev/null | cut -d' ' -f1); echo \"$a\"; " : "echo; ")
                + (args.get_md5() ? "if [ -f \"$p\" ] && [ -r \"$p\" ]; then md5sum < \"$p\" | cut -d' ' -f1; else echo; fi" : "echo");
    }

    private static void describe(Args args, List<String> lines, Map<String, Object> fields) {
        String[] f = lines.get(0).split("\\|", -1);
        int raw = Integer.parseInt(f[0], 16);
        int type = raw & 0170000;
        fields.put("path", args.path());
        fields.putAll(StatFields.parse(f));
        fields.put("blocks", Long.parseLong(f[12]));
        fields.put("block_size", Long.parseLong(f[13]));
        fields.put("device_type", Long.parseLong(f[14]));
        fields.put("readable", line(lines, 1).equals("1"));
        fields.put("writeable", line(lines, 2).equals("1"));
        fields.put("executable", line(lines, 3).equals("1"));
        if (type == 0120000) {
            fields.put("lnk_target", line(lines, 4));
            fields.put("lnk_source", line(lines, 5));
        }
        extras(args, lines, fields, type == 0100000);
    }

    private static void extras(Args args, List<String> lines, Map<String, Object> fields, boolean regular) {
        if (args.get_checksum() && regular && !line(lines, 6).isEmpty()) fields.put("checksum", line(lines, 6));
        if (args.get_md5() && regular && !line(lines, 10).isEmpty()) fields.put("md5", line(lines, 10));
        if (args.get_mime()) {
            fields.put("mimetype", line(lines, 7).isEmpty() ? "unknown" : line(lines, 7));
            fields.put("charset", line(lines, 8).isEmpty() ? "unknown" : line(lines, 8));
        }
        if (args.get_attributes()) {
            String flags = line(lines, 9).replace("-", "");
            fields.put("attr_flags", flags);
            fields.put("attributes", flags.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        }
    }

    private static String line(List<String> lines, int i) {
        return i < lines.size() ? lines.get(i).strip() : "";
    }
}
