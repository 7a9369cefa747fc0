package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.CommandSupport;

import java.util.List;
import java.util.Map;

/**
 * Runs a command line through the host's shell as is (Ansible's {@code raw}: no module, no
 * Python needed); {@code executable} names another shell. Always reports a change.
 * <pre>{@code
 * - raw: apt-get install -y python3
 * }</pre>
 * Registers {@code rc, stdout, stderr} (not stripped); a non-zero rc fails the task.
 */
@ModuleInfo(name = "raw", checkMode = CheckSupport.SKIP_SILENT, freeForm = "_raw", commandArgs = true, commandsShown = true)
public final class RawModule implements Module<RawModule.Args> {

    public record Args(@io.swarmplay.module.Alias("_raw") String free_form, String executable) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (args.free_form() == null || args.free_form().isBlank()) {
            throw new ModuleException("raw needs the command to run, e.g. 'raw: uptime'");
        }
        return Change.run(args.free_form());
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Command command = args.executable() == null ? Command.shell(args.free_form())
                : new Command(List.of(args.executable(), "-c", args.free_form()), true, Map.of(), null, null, null);
        return CommandSupport.run(command, args.free_form(), false, change, host);
    }
}
