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
import io.swarmplay.modules.support.Words;

import java.time.Duration;
import java.util.List;

/**
 * Runs a program without a shell: no pipes, redirections or variable expansion.
 * <pre>{@code
 * - command: /usr/bin/make install
 *   args:
 *     chdir: /src/app
 *     creates: /usr/local/bin/app
 * - command:
 *     argv: [useradd, --comment, "App user", app]
 * }</pre>
 * Registers {@code cmd, rc, stdout, stderr, start, end, delta}; a non-zero rc fails the task.
 * Check mode cannot predict a command, unless {@code creates}/{@code removes} settle it.
 */
@ModuleInfo(name = "command", checkMode = CheckSupport.NONE, freeForm = "cmd")
public final class CommandModule implements Module<CommandModule.Args> {

    /** {@code timeout} is a swarmplay extension: the command is killed after it. */
    public record Args(String cmd, List<String> argv, String creates, String removes, String chdir,
                       String stdin, @Default("true") boolean stdin_add_newline, Duration timeout) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        return CommandSupport.plan(args.creates(), args.removes(), Command.of(argv(args)).toShellLine(), host);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        List<String> argv = argv(args);
        Command command = CommandSupport.prepare(Command.of(argv), args.chdir(), args.stdin(),
                args.stdin_add_newline(), args.timeout());
        return CommandSupport.run(command, argv, change, host);
    }

    private static List<String> argv(Args args) {
        if ((args.cmd() == null) == (args.argv() == null)) {
            throw new ModuleException("command needs exactly one of 'cmd' (a command line) or 'argv' (a list)");
        }
        List<String> argv = args.argv() != null ? args.argv() : Words.split(args.cmd());
        if (argv.isEmpty()) throw new ModuleException("command is empty: give the program to run");
        return argv;
    }
}
