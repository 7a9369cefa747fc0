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
import io.swarmplay.modules.support.Expansion;
import io.swarmplay.modules.support.Words;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
@ModuleInfo(name = "command", checkMode = CheckSupport.NONE, freeForm = "cmd", commandArgs = true)
public final class CommandModule implements Module<CommandModule.Args> {

    /** {@code timeout} is a swarmplay extension: the command is killed after it. */
    public record Args(String cmd, List<String> argv, String creates, String removes, String chdir,
                       String executable, String stdin, @Default("true") boolean stdin_add_newline,
                       @Default("true") boolean strip_empty_ends, Duration timeout) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        List<String> argv = argv(args);
        return CommandSupport.plan(args.creates(), args.removes(), argv, Command.of(argv).toShellLine(), host);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        List<String> argv = argv(args);
        Command command = CommandSupport.prepare(Expansion.command(argv), args.chdir(), args.stdin(),
                args.stdin_add_newline(), args.timeout(), host);
        Outcome outcome = CommandSupport.run(command, argv, args.strip_empty_ends(), change, host);
        // Ansible ignores command's executable (a shell option) and says so
        if (args.executable() == null) return outcome;
        return outcome.withData(Map.of("warnings", List.of("As of Ansible 2.4, the parameter 'executable' is no "
                + "longer supported with the 'command' module. Not using '" + args.executable() + "'.")));
    }

    /** The program and its arguments; Ansible's messages (with rc 256) when there are none or two. */
    private static List<String> argv(Args args) {
        boolean noLine = args.cmd() == null || args.cmd().isBlank();
        boolean noArgv = args.argv() == null || args.argv().isEmpty();
        if (noLine && noArgv) throw new ModuleException("no command given", Map.of("rc", 256));
        if (!noLine && !noArgv) {
            throw new ModuleException("only command or argv can be given, not both", Map.of("rc", 256));
        }
        return noArgv ? Words.split(args.cmd()) : args.argv();
    }
}
