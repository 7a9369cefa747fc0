package io.swarmplay.modules;

import io.swarmplay.module.Alias;
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
import io.swarmplay.modules.support.PythonRegex;
import io.swarmplay.modules.support.Results;
import io.swarmplay.modules.support.TextFileEdit;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every match of a Python regular expression in a file (multiline: {@code ^} and
 * {@code $} match at each line), optionally only between {@code after} and {@code before}.
 * <pre>{@code
 * - replace:
 *     path: /etc/hosts
 *     regexp: '(\s+)old\.host\.name(\s+.*)?$'
 *     replace: '\1new.host.name\2'
 *     after: '# managed'
 * }</pre>
 * Registers {@code msg} ({@code "N replacements made"}) and {@code backup_file}. Writes are atomic.
 */
@ModuleInfo(name = "replace", checkMode = CheckSupport.FULL, diff = true)
public final class ReplaceModule implements Module<ReplaceModule.Args> {

    /** {@code unsafe_writes} and the SELinux/attribute arguments are accepted and change nothing here. */
    public record Args(@Required @Alias({"dest", "destfile", "name"}) @Doc("the file to modify") String path,
                       @Required @Doc("Python regular expression to look for") String regexp,
                       @Default("") @Doc("replacement, with \\1 and \\g<name> back references") String replace,
                       @Doc("only replace after the first match of this expression") String after,
                       @Doc("only replace before the first match of this expression (after 'after')") String before,
                       @Doc("keep a timestamped copy of the original file") boolean backup,
                       @Doc("command run on the new file (%s) before it replaces the original") String validate,
                       @Default("utf-8") @Doc("the file's encoding") String encoding,
                       Object mode, String owner, String group, boolean unsafe_writes, @Alias("attr") String attributes,
                       String seuser, String serole, String selevel, String setype) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        TextFileEdit file = file(args);
        String contents = file.read(host).orElseThrow(() ->
                new ModuleException("Path " + args.path() + " does not exist !", Map.of("rc", 257)));
        String section = contents;
        int start = 0;
        String between = section(args);
        if (between != null) {
            Matcher m = PythonRegex.compile(between, Pattern.DOTALL).matcher(contents);
            if (!m.find()) {
                String msg = "Pattern for before/after params did not match the given file: " + between;
                return Results.none(msg, Map.of("msg", msg, "rc", 0));
            }
            section = m.group("subsection");
            start = m.start("subsection");
        }
        PythonRegex.Substitution done = PythonRegex.substitute(PythonRegex.compile(args.regexp(), Pattern.MULTILINE),
                args.replace(), section);
        String after = done.count() > 0 && !done.text().equals(section)
                ? contents.substring(0, start) + done.text() + contents.substring(start + section.length()) : contents;
        return file.plan(contents, after, done.count() + " replacements made", host);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return file(args).apply(change, host);
    }

    /** Ansible's section pattern: between the first {@code after} and the {@code before} following it. */
    private static String section(Args args) {
        boolean after = args.after() != null && !args.after().isEmpty();
        boolean before = args.before() != null && !args.before().isEmpty();
        if (after && before) return args.after() + "(?P<subsection>.*?)" + args.before();
        if (after) return args.after() + "(?P<subsection>.*)";
        if (before) return "(?P<subsection>.*)" + args.before();
        return null;
    }

    private static TextFileEdit file(Args args) {
        return new TextFileEdit(args.path(), charset(args.encoding()), args.mode(), args.owner(), args.group(),
                args.backup(), args.validate());
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ModuleException("unknown encoding '" + name + "'");
        }
    }
}
