package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reports what is at a path, without changing anything; the result is registered as {@code stat}.
 * <pre>{@code
 * - stat: {path: /etc/app.conf}
 *   register: conf
 * - debug: {msg: "mode is {{ conf.stat.mode }}"}
 *   when: conf.stat.exists
 * }</pre>
 * Fields: exists, path, isdir, isreg, islnk, mode ("0644"), size, pw_name, gr_name, checksum
 * (regular files, when get_checksum), lnk_target (links).
 */
@ModuleInfo(name = "stat", checkMode = CheckSupport.FULL)
public final class StatModule implements Module<StatModule.Args> {

    public record Args(@Required @Alias({"dest", "name"}) String path, @Default("true") boolean get_checksum,
                       @Alias({"checksum", "checksum_algo"}) @Choices({"sha256", "sha1"}) String checksum_algorithm) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Optional<FileStat> stat = host.stat(args.path());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("exists", stat.isPresent());
        stat.ifPresent(s -> describe(args, s, host, fields));
        String reason = "stat only reads: " + args.path() + (stat.isPresent() ? " exists" : " does not exist");
        return Results.none(reason, Map.of("stat", fields));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }

    private static void describe(Args args, FileStat s, HostView host, Map<String, Object> fields) {
        fields.put("path", args.path());
        fields.put("isdir", s.isDirectory());
        fields.put("isreg", s.isFile());
        fields.put("islnk", s.type() == FileStat.Type.LINK);
        fields.put("mode", s.modeOctal());
        fields.put("size", s.size());
        fields.put("pw_name", s.owner());
        fields.put("gr_name", s.group());
        if (s.type() == FileStat.Type.LINK) fields.put("lnk_target", s.target());
        if (s.isFile() && args.get_checksum()) fields.put("checksum", checksum(args, host));
    }

    private static String checksum(Args args, HostView host) {
        if (args.checksum_algorithm().equals("sha256")) return host.sha256(args.path()).orElse(null);
        ExecResult sum = host.probe(Command.of("sha1sum", args.path()));
        if (!sum.succeeded()) {
            throw new ModuleException("sha1sum of " + args.path() + " failed on " + host.name() + ": " + sum.tail(2));
        }
        return sum.stdoutTrimmed().split("\\s+")[0];
    }
}
