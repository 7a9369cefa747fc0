package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;

import java.util.Map;

/**
 * Checks that the host can be reached and runs commands; registers {@code ping: pong} (or the
 * given {@code data}). {@code data: crash} fails on purpose as Ansible's does: a module failure
 * with {@code Exception: boom} in {@code module_stderr}.
 * <pre>{@code
 * - ping:
 * }</pre>
 */
@ModuleInfo(name = "ping", readOnly = true, checkMode = CheckSupport.FULL)
public final class PingModule implements Module<PingModule.Args> {

    public record Args(@Default("pong") String data) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (args.data().equals("crash")) throw crash();
        Command alive = Command.of("true");
        host.probe(alive).requireSuccess(alive);
        return Results.none("ping: " + args.data(), Map.of("ping", args.data()));
    }

    /** What Ansible registers when a module raises: its traceback on stderr, rc 1, a generic message. */
    private static ModuleException crash() {
        return new ModuleException("MODULE FAILURE\nSee stdout/stderr for the exact error", Map.of(
                "module_stdout", "", "module_stderr", "Traceback (most recent call last):\nException: boom\n", "rc", 1));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
