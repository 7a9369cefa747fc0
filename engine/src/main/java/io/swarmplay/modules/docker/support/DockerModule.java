package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerException;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.DockerWarmup;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;

/**
 * Base of the Docker modules: finds the host's {@link DockerEndpoint} and turns the engine's
 * refusals ({@link DockerException}) into task failures. An unreachable engine stays a
 * {@link io.swarmplay.connection.ConnectionException}, so the host is reported unreachable.
 *
 * @param <A> the arguments record
 */
public abstract class DockerModule<A> implements Module<A> {

    /**
     * The arguments record. Asked for when a playbook using this module is loaded, which is the
     * moment to start loading docker-java in the background ({@link DockerWarmup}).
     */
    @Override
    public final Class<A> argsType() {
        DockerWarmup.start();
        return args();
    }

    /** The module's arguments record. */
    protected abstract Class<A> args();

    @Override
    public final Change plan(A args, HostView host) {
        try {
            DockerReader docker = reader(host);
            DockerCommonArgs.check(args, docker, host.name());
            return plan(args, host, docker);
        } catch (DockerException e) {
            throw new ModuleException(e.getMessage());
        }
    }

    @Override
    public final Outcome apply(A args, Change change, HostSession host) {
        try {
            DockerEndpoint docker = endpoint(host);
            DockerCommonArgs.check(args, docker, host.name());
            return apply(args, change, host, docker);
        } catch (DockerException e) {
            throw new ModuleException(e.getMessage());
        }
    }

    /**
     * Looks at the engine and says what {@link #apply} would do. {@code docker} is a
     * {@link DockerReader}: no method that changes the engine can be called from here.
     */
    protected abstract Change plan(A args, HostView host, DockerReader docker);

    /** Carries out {@code change} on the engine. */
    protected abstract Outcome apply(A args, Change change, HostSession host, DockerEndpoint docker);

    /** The host's engine, to change it; a clear failure when no Docker support is installed in this build. */
    public static DockerEndpoint endpoint(HostSession host) {
        return host.extension(DockerEndpoint.class).orElseThrow(() -> missing(host));
    }

    /**
     * For the plan of a step that needs {@code container} running at apply: its state now; empty
     * when it is not there yet but an earlier step creates it, or may (apply looks again); a
     * failure when it is missing for good (an offline plan's fresh host, where no earlier step
     * creates it), as apply would fail.
     */
    public static java.util.Optional<io.swarmplay.connection.docker.ContainerState> runningLater(
            DockerReader docker, String container, String host, String module) {
        java.util.Optional<io.swarmplay.connection.docker.ContainerState> state;
        try {
            state = docker.inspectContainer(container);
        } catch (io.swarmplay.connection.StateUnknownException e) {
            return java.util.Optional.empty();
        }
        if (state.isEmpty() && docker.inspectEmptyIsFinal()) {
            throw new ModuleException("container " + container + " on " + host + " is missing (a fresh host, and no earlier "
                    + "step creates it): " + module + " needs it running");
        }
        return state;
    }

    /** The host's engine, read-only: all a plan gets. */
    public static DockerReader reader(HostView host) {
        return host.extension(DockerReader.class).orElseThrow(() -> missing(host));
    }

    private static ModuleException missing(HostView host) {
        return new ModuleException("Docker modules need a Docker endpoint for " + host.name()
                + ", and none is available in this build");
    }
}
