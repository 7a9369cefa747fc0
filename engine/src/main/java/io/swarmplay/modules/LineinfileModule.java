package io.swarmplay.modules;

import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Diff;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.FileMode;
import io.swarmplay.modules.support.Lines;
import io.swarmplay.modules.support.PythonRegex;
import io.swarmplay.modules.support.Results;
import io.swarmplay.modules.support.Safeguards;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes sure one line is in a text file (replacing the last line {@code regexp} matches), or that
 * no line matches. Writes are atomic.
 * <pre>{@code
 * - lineinfile:
 *     path: /etc/ssh/sshd_config
 *     regexp: '^#?PermitRootLogin'
 *     line: PermitRootLogin no
 * - lineinfile: {path: /etc/hosts, line: "10.0.0.2 db", insertafter: '^127\.'}
 * }</pre>
 * Without a match, the line goes after the last line {@code insertafter} matches, before the first
 * line {@code insertbefore} matches ({@code BOF}: at the top), else at the end.
 */
@ModuleInfo(name = "lineinfile", checkMode = CheckSupport.FULL, diff = true)
public final class LineinfileModule implements Module<LineinfileModule.Args> {

    /** {@code unsafe_writes} and the SELinux/attribute arguments are accepted and change nothing here. */
    public record Args(@Required @Alias({"dest", "destfile", "name"}) String path, @Alias("value") String line,
                       @Alias("regex") String regexp, String search_string,
                       @Choices({"present", "absent"}) String state, boolean create, String insertafter,
                       String insertbefore, boolean backrefs, boolean firstmatch, boolean backup, String validate,
                       Object mode, String owner, String group, boolean unsafe_writes, @Alias("attr") String attributes,
                       String seuser, String serole, String selevel, String setype) {
    }

    /** The new content and the message registered as {@code msg}. */
    private record Edit(String text, String msg) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Optional<FileStat> stat = host.stat(args.path());
        if (stat.isEmpty() && args.state().equals("absent")) return Results.none(args.path() + " does not exist", unchanged(args));
        if (stat.isEmpty() && !args.create()) {
            throw new ModuleException("Destination " + args.path() + " does not exist !", Map.of("rc", 257));
        }
        String before = stat.isEmpty() ? null : new String(host.read(args.path()), StandardCharsets.UTF_8);
        Lines lines = Lines.of(before == null ? "" : before);
        String msg = args.state().equals("absent") ? remove(args, lines) : ensure(args, lines);
        if (msg == null) return Results.none(reasonUnchanged(args), unchanged(args));
        Diff diff = Diff.text(args.path(), before, lines.text());
        Change change = stat.isEmpty() ? Change.create("create " + args.path() + " with the line")
                : Change.update(msg + " in " + args.path());
        return change.withDiff(diff).withPayload(new Edit(lines.text(), msg));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Edit edit = (Edit) change.payload();
        Integer mode = FileMode.parse(args.mode(), 0644, false);
        Map<String, Object> data = new java.util.LinkedHashMap<>(write(args, edit, host, mode,
                change.action() != io.swarmplay.module.Action.CREATE));
        // lineinfile names the backup 'backup' where copy and template say 'backup_file'
        Object backup = data.remove("backup_file");
        data.put("backup", backup == null ? "" : backup);
        if (args.state().equals("absent")) data.put("found", Integer.parseInt(edit.msg().split(" ")[0]));
        data.put("msg", edit.msg());
        return Outcome.changed(change).withData(data);
    }

    private static Map<String, Object> write(Args args, Edit edit, HostSession host, Integer mode, boolean exists) {
        if (!exists) io.swarmplay.modules.support.TextFileEdit.createParent(host, args.path());
        try {
            return new Safeguards(args.backup(), args.validate()).write(host, args.path(),
                    new java.io.ByteArrayInputStream(edit.text().getBytes(StandardCharsets.UTF_8)), new FileAttrs(mode, args.owner(), args.group()), exists);
        } catch (ModuleException e) {
            if (!e.getMessage().equals("failed to validate")) throw e;
            throw new ModuleException("failed to validate: rc:" + e.data().get("rc") + " error:" + e.data().get("stderr"));
        }
    }

    /** Puts the line in place; returns what was done, or null when it was already there. */
    private static String ensure(Args args, Lines lines) {
        if (args.line() == null) throw new ModuleException("line is required with state=present");
        if (args.backrefs() && args.regexp() == null) throw new ModuleException("regexp is required with backrefs=true");
        Pattern regex = matcher(args);
        int at = regex == null ? -1 : args.firstmatch() ? lines.firstMatch(regex) : lines.lastMatch(regex);
        if (at >= 0) {
            String wanted = args.backrefs() ? backrefs(regex, lines.list().get(at), args.line()) : args.line();
            if (lines.list().get(at).equals(wanted)) return null;
            lines.list().set(at, wanted);
            return "line replaced";
        }
        // with backrefs, no match means no change (Ansible's rule)
        if (args.backrefs() || lines.list().contains(args.line())) return null;
        lines.list().add(insertionPoint(args, lines), args.line());
        return "line added";
    }

    /** {@code regexp}, or {@code search_string} as a literal substring. */
    private static Pattern matcher(Args args) {
        if (args.regexp() != null) return pattern(args.regexp());
        return args.search_string() == null ? null : Pattern.compile(Pattern.quote(args.search_string()));
    }

    /** Python's {@code match.expand(line)}: {@code \\1} and {@code \\g<name>} from the matched line. */
    private static String backrefs(Pattern regex, String current, String line) {
        String expanded = PythonRegex.expand(regex, current, line);
        return expanded == null ? current : expanded;
    }

    private static int insertionPoint(Args args, Lines lines) {
        if ("BOF".equals(args.insertbefore())) return 0;
        if (args.insertbefore() != null) {
            int first = lines.firstMatch(pattern(args.insertbefore()));
            if (first >= 0) return first;
        }
        if (args.insertafter() != null && !"EOF".equals(args.insertafter())) {
            int last = lines.lastMatch(pattern(args.insertafter()));
            if (last >= 0) return last + 1;
        }
        return lines.list().size();
    }

    private static String remove(Args args, Lines lines) {
        if (args.regexp() == null && args.search_string() == null && args.line() == null) {
            throw new ModuleException("one of line, search_string, or regexp is required with state=absent");
        }
        Pattern regex = matcher(args);
        int before = lines.list().size();
        lines.list().removeIf(l -> regex != null ? regex.matcher(l).find() : l.equals(args.line()));
        int removed = before - lines.list().size();
        return removed == 0 ? null : removed + " line(s) removed";
    }

    /** Ansible's result when nothing changes: no message, no backup, and for state=absent none found. */
    private static Map<String, Object> unchanged(Args args) {
        return args.state().equals("absent") ? Map.of("msg", "", "backup", "", "found", 0) : Map.of("msg", "", "backup", "");
    }

    private static String reasonUnchanged(Args args) {
        if (args.state().equals("absent")) return "no line in " + args.path() + " matches";
        return args.path() + " already has the line";
    }

    private static Pattern pattern(String regex) {
        return PythonRegex.compile(regex, 0);
    }
}
