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
import io.swarmplay.modules.support.CommandSupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a script with {@code /bin/sh -c} (or {@code executable}): pipes, redirections and
 * variables work.
 * <pre>{@code
 * - shell: ls /etc/*.conf | wc -l > /tmp/count
 *   args:
 *     creates: /tmp/count
 * - shell:
 *     cmd: set -o pipefail; curl -fsS http://localhost/health | grep ok
 *     executable: /bin/bash
 * }</pre>
 * Registers {@code cmd, rc, stdout, stderr, start, end, delta}; a non-zero rc fails the task.
 */
@ModuleInfo(name = "shell", checkMode = CheckSupport.NONE, freeForm = "cmd", commandArgs = true)
public final class ShellModule implements Module<ShellModule.Args> {

    /** {@code timeout} is a swarmplay extension: the script and its children are killed after it. */
    public record Args(String cmd, String creates, String removes, String chdir, String executable,
                       String stdin, @Default("true") boolean stdin_add_newline,
                       @Default("true") boolean strip_empty_ends, Duration timeout) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        return CommandSupport.plan(args.creates(), args.removes(), args.cmd(), script(args), host);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Command command = CommandSupport.prepare(command(args), args.chdir(), args.stdin(),
                args.stdin_add_newline(), args.timeout(), host);
        return CommandSupport.run(command, args.cmd(), args.strip_empty_ends(), change, host);
    }

    private static Command command(Args args) {
        if (args.executable() == null) return Command.shell(script(args));
        return new Command(List.of(args.executable(), "-c", script(args)), true, Map.of(), null, null, null);
    }

    private static String script(Args args) {
        if (args.cmd() == null || args.cmd().isBlank()) {
            throw new ModuleException("no command given", Map.of("rc", 256));
        }
        return args.cmd();
    }
}
