package io.swarmplay.modules.docker;

import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.support.ConfigHash;
import io.swarmplay.modules.docker.support.DockerModule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Saves a container's output (stdout and stderr) to a file, e.g. as a backup before removing it.
 * <pre>{@code
 * - docker_logs: {container: sn-1, dest: "backups/sn-1-{{ inventory_hostname }}.log", on: control}
 * - docker_logs: {container: sn-1, dest: /var/backups/sn-1.log, missing_ok: true}
 * }</pre>
 * {@code on: host} (default) writes on the managed host, {@code on: control} on the control node
 * (relative to the working directory). A no-op when the file already holds exactly these logs,
 * or when the container is missing and {@code missing_ok: true}.
 */
@ModuleInfo(name = "docker_logs", checkMode = CheckSupport.FULL)
public final class DockerLogsModule extends DockerModule<DockerLogsModule.Args> {

    public record Args(@Doc("Name or ID of the container.") @Required String container,
                       @Doc("File to write the logs to.") @Required String dest,
                       @Doc("Where dest is: the managed host (default) or the control node.") @Choices({"host", "control"}) String on,
                       @Doc("A missing container is no error: nothing is written.") boolean missing_ok,
                       @Doc("Only the last lines (all by default).") Integer tail) {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        Optional<ContainerState> state = docker.inspectContainer(args.container());
        if (state.isEmpty()) {
            if (args.missing_ok()) return Change.none("container " + args.container() + " does not exist (missing_ok)");
            return Change.unknown("container " + args.container() + " does not exist yet on " + host.name());
        }
        byte[] logs = (String.join("\n", docker.logTail(state.get().id(), args.tail() == null ? 0 : args.tail())) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        String sha = ConfigHash.of(logs);
        boolean same = args.on().equals("host") ? host.sha256(args.dest()).map(sha::equals).orElse(false)
                : controlSha(Path.of(args.dest())).map(sha::equals).orElse(false);
        if (same) return Change.none(args.dest() + " already holds the logs of " + args.container());
        return Change.update("save the logs of " + args.container() + " to " + args.dest()
                + (args.on().equals("control") ? " on the control node" : "")).withPayload(logs);
    }

    private static Optional<String> controlSha(Path path) {
        try {
            return Files.isRegularFile(path) ? Optional.of(ConfigHash.of(Files.readAllBytes(path))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        if (!(change.payload() instanceof byte[] logs)) {
            throw new ModuleException("container " + args.container() + " does not exist on " + host.name()
                    + " (missing_ok: true makes that a no-op)");
        }
        if (args.on().equals("host")) {
            host.write(args.dest(), new ByteArrayInputStream(logs), FileAttrs.mode(0640));
        } else {
            try {
                Path dest = Path.of(args.dest()).toAbsolutePath();
                Files.createDirectories(dest.getParent());
                Files.write(dest, logs);
            } catch (IOException e) {
                throw new ModuleException("cannot write " + args.dest() + " on the control node: " + e.getMessage());
            }
        }
        return Outcome.changed(change).withData(Map.of("dest", args.dest(), "bytes", logs.length));
    }
}
