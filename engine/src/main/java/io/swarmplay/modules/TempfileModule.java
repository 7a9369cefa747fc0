package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.ShellQuote;
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

import java.util.Map;

/**
 * Creates a uniquely named temporary file or directory on the host and registers its
 * {@code path}; every run creates a new one (always a change, as in Ansible).
 * <pre>{@code
 * - tempfile: {state: directory, suffix: build}
 *   register: build_dir
 * }</pre>
 */
@ModuleInfo(name = "tempfile", checkMode = CheckSupport.SKIP_REMOTE)
public final class TempfileModule implements Module<TempfileModule.Args> {

    public record Args(@Choices({"file", "directory"}) String state, String path, @Default("ansible.") String prefix,
                       @Default("") String suffix) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        return Change.create("create a temporary " + args.state() + " in " + (args.path() == null ? "the temp directory"
                : args.path()));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        StringBuilder line = new StringBuilder("mktemp");
        if (args.state().equals("directory")) line.append(" -d");
        line.append(" -p ").append(args.path() == null ? "\"${TMPDIR:-/tmp}\"" : ShellQuote.quote(args.path()));
        if (!args.suffix().isEmpty()) line.append(" --suffix=").append(ShellQuote.quote(args.suffix()));
        line.append(' ').append(ShellQuote.quote(args.prefix() + "XXXXXXXX"));
        Command mktemp = Command.shell(line.toString());
        ExecResult result = host.run(mktemp);
        if (!result.succeeded()) {
            throw new ModuleException("cannot create a temporary " + args.state() + " on " + host.name() + ": "
                    + result.tail(2));
        }
        String path = result.stdoutTrimmed();
        return Outcome.changed(change).withData(Map.of("path", path, "state", args.state()));
    }
}
