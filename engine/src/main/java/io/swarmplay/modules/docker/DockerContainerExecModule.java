package io.swarmplay.modules.docker;

import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.ExecSpec;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.support.DockerCommonArgs;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.support.Words;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command in a running container, community.docker 3.4.7's module.
 * <pre>{@code
 * - docker_container_exec:
 *     container: web
 *     argv: [/bin/sh, -c, cat]
 *     stdin: Hello world!
 *   register: result          # rc, stdout, stderr (and their _lines); exec_id with detach
 * }</pre>
 * A non-zero exit code is returned in {@code rc}, not a failure (use {@code failed_when}). No
 * check mode, as in community.docker. swarmplay's own {@code docker_exec} fails on a non-zero rc
 * and has {@code creates_in_container}.
 */
@ModuleInfo(name = "docker_container_exec", aliases = "community.docker.docker_container_exec", checkMode = CheckSupport.NONE,
        freeForm = "command")
public final class DockerContainerExecModule extends DockerModule<DockerContainerExecModule.Args> {

    public record Args(@Required @Doc("The running container to execute in.") String container,
                       @Doc("The command as a list (exclusive with command).") List<String> argv,
                       @Doc("The command as a line, split like a shell (exclusive with argv).") String command,
                       @Doc("Working directory of the command.") String chdir,
                       @Doc("Start it and return at once, with exec_id.") boolean detach,
                       @Doc("User (and group) to run as.") String user,
                       @Doc("Text for the command's standard input.") String stdin,
                       @Default("true") @Doc("Append a newline to stdin.") boolean stdin_add_newline,
                       @Default("true") @Doc("Strip trailing newlines from stdout and stderr.") boolean strip_empty_ends,
                       @Doc("Allocate a pseudo-TTY.") boolean tty,
                       @Doc("Environment variables (string values).") Map<String, Object> env,
            @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        DockerModule.runningLater(docker, args.container(), host.name(), "docker_container_exec");
        return Change.run(io.swarmplay.connection.Command.of(argv(args)).toShellLine() + " in " + args.container());
    }

    private static List<String> argv(Args args) {
        if (args.argv() != null && args.command() != null) throw new ModuleException("parameters are mutually exclusive: argv|command");
        if (args.argv() == null && args.command() == null) throw new ModuleException("one of the following is required: argv, command");
        return args.argv() != null ? args.argv() : Words.split(args.command());
    }

    private static ExecSpec spec(Args args) {
        Map<String, String> env = new LinkedHashMap<>();
        if (args.env() != null) args.env().forEach((name, value) -> {
            if (!(value instanceof String s)) {
                throw new ModuleException("Non-string value found for env option. Ambiguous env options must be wrapped in quotes"
                        + " to avoid them being interpreted. Key: " + name);
            }
            env.put(name, s);
        });
        String stdin = args.stdin() == null || args.stdin().isEmpty() ? null
                : args.stdin() + (args.stdin_add_newline() ? "\n" : "");
        return new ExecSpec(argv(args), env, args.user(), args.chdir(), null,
                stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), args.tty());
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        ExecSpec spec = spec(args);
        if (docker.inspectContainer(args.container()).isEmpty()) {
            throw new ModuleException("Could not find container \"" + args.container() + "\"");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (args.detach()) {
            data.put("exec_id", docker.execDetached(args.container(), spec));
            return Outcome.changed(change).withData(data);
        }
        ExecResult result = docker.exec(args.container(), spec);
        put(data, "stdout", result.stdout(), args.strip_empty_ends());
        put(data, "stderr", result.stderr(), args.strip_empty_ends());
        data.put("rc", result.rc());
        return Outcome.changed(change).withData(data);
    }

    /** {@code stdout} and {@code stdout_lines}, trailing newlines stripped when asked (Python's rstrip('\r\n')). */
    private static void put(Map<String, Object> data, String key, String text, boolean strip) {
        String value = strip ? text.replaceAll("[\r\n]+$", "") : text;
        data.put(key, value);
        data.put(key + "_lines", value.lines().toList());
    }
}
