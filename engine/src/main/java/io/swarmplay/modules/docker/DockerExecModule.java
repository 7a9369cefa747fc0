package io.swarmplay.modules.docker;

import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.DockerException;
import io.swarmplay.connection.docker.ExecSpec;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.support.Words;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a process in a running container ({@code docker exec}).
 * <pre>{@code
 * - docker_exec:
 *     container: sn-1
 *     argv: [swarm-cli, token, create]
 *     creates_in_container: /platform/token
 *     secret_stdout: true
 *   register: token
 * }</pre>
 * Registers {@code rc, stdout, stderr}; a non-zero rc fails the task (override with
 * {@code failed_when}). {@code stdin} is not supported: docker-java never delivers end-of-file on
 * an exec's stdin, so a reading process would hang; copy the data in with {@code docker_copy}
 * and read it from the file. {@code secret_stdout} masks stdout in all output. (community.docker's
 * {@code docker_container_exec}, which returns a non-zero rc instead of failing, is
 * {@link DockerContainerExecModule}.)
 */
@ModuleInfo(name = "docker_exec", checkMode = CheckSupport.NONE,
        freeForm = "command")
public final class DockerExecModule extends DockerModule<DockerExecModule.Args> {

    public record Args(@Doc("Name or ID of the running container.") @Required String container,
                       @Doc("The process and its arguments, as a list (no shell).") List<String> argv,
                       @Doc("A command line, split like a shell would (no shell runs it).") String command,
                       @Doc("Environment variables of the process.") Map<String, String> env,
                       @Doc("User (and group) the process runs as.") String user,
                       @Doc("Working directory of the process.") @Alias("chdir") String workdir,
                       @Doc("Not supported (the engine API gives no end-of-file); copy data in with docker_copy.") Object stdin,
                       @Doc("A path in the container: when it exists, the process does not run.") String creates_in_container,
                       @Doc("Mask stdout in all output (tokens, keys).") boolean secret_stdout,
                       @Doc("Fail when the process runs longer than this (e.g. 30s).") Duration timeout) {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        Change run = Change.run(io.swarmplay.connection.Command.of(argv(args)).toShellLine() + " in " + args.container());
        ContainerState state = DockerModule.runningLater(docker, args.container(), host.name(), "docker_exec").orElse(null);
        if (state == null) return run;
        if (args.creates_in_container() != null && exists(docker, state.id(), args.creates_in_container())) {
            return Change.none(args.creates_in_container() + " exists in container " + args.container());
        }
        return run;
    }

    private static boolean exists(DockerReader docker, String id, String path) {
        try {
            docker.copyOut(id, path);
            return true;
        } catch (DockerException e) {
            return false;
        }
    }

    private static List<String> argv(Args args) {
        if (args.stdin() != null) {
            throw new ModuleException("docker_exec does not support stdin: docker-java never sends end-of-file on an exec's "
                    + "stdin, so the process would wait forever; put the data in a file with docker_copy and read that");
        }
        if ((args.argv() == null) == (args.command() == null)) {
            throw new ModuleException("docker_exec needs exactly one of 'argv' (a list) or 'command' (a command line)");
        }
        List<String> argv = args.argv() != null ? args.argv() : Words.split(args.command());
        if (argv.isEmpty()) throw new ModuleException("docker_exec: the command is empty");
        return argv;
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        ContainerState state = docker.inspectContainer(args.container()).orElse(null);
        if (state == null || !state.running()) {
            throw new ModuleException("container " + args.container() + " on " + host.name() + " is "
                    + (state == null ? "missing" : "not running (" + state.status() + ")") + ": docker_exec needs it running");
        }
        ExecResult result = docker.exec(args.container(), new ExecSpec(argv(args), args.env(), args.user(), args.workdir(),
                args.timeout()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rc", result.rc());
        String stdout = result.stdout().replaceAll("[\r\n]+$", "");
        String stderr = result.stderr().replaceAll("[\r\n]+$", "");
        data.put("stdout", stdout);
        data.put("stdout_lines", stdout.lines().toList());
        data.put("stderr", stderr);
        data.put("stderr_lines", stderr.lines().toList());
        if (result.timedOut()) {
            throw new ModuleException("docker_exec timed out after " + args.timeout().toSeconds() + "s in container "
                    + args.container() + " on " + host.name(), data);
        }
        Outcome outcome = Outcome.changed(change).withData(data);
        if (args.secret_stdout()) outcome = outcome.withSecret((String) data.get("stdout"));
        if (result.rc() != 0) {
            throw new ModuleException("non-zero return code " + result.rc() + " in container " + args.container() + " on "
                    + host.name() + (result.stderr().isBlank() ? "" : ": " + result.tail(3)), data);
        }
        return outcome;
    }
}
