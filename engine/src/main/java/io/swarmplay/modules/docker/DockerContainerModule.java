package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.ImageInfo;
import io.swarmplay.module.Action;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Diff;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.docker.support.ContainerArgs;
import io.swarmplay.modules.docker.support.ContainerComparison;
import io.swarmplay.modules.docker.support.ContainerComparison.Difference;
import io.swarmplay.modules.docker.support.ContainerData;
import io.swarmplay.modules.docker.support.ContainerLifecycle;
import io.swarmplay.modules.docker.support.DockerModule;

import java.util.List;
import java.util.Map;

/**
 * A container in the wanted state: created, (re)started, stopped or removed, compared field by
 * field with what the task declares (see {@link ContainerComparison}).
 * <pre>{@code
 * - docker_container:
 *     name: sn-1
 *     image: hub.myenterprise.com/hpe/swarm-learning/sn:2.2.0
 *     env: {SWARM_NODE_TYPE: sn}
 *     published_ports: ["30304:30304", "127.0.0.1:30305:30305"]
 *     volumes: ["/opt/swarm/certs:/certs:ro", "sn-data:/data"]
 *     networks: [{name: swarm-net, aliases: [sn-1]}]
 *     copy_in: [{content: "{{ info | to_json }}", dest: /tmp/container_info_file, mode: "0644"}]
 *     wait_for: {log: "Starting SWARM-API-SERVER", timeout: 120}
 *   register: sn
 * }</pre>
 * A field that cannot change in place makes the step a REPLACE naming the field
 * ({@code replace: env.SWARM_NODE_TYPE changed}); starting, stopping and connecting networks are
 * UPDATEs. Registers {@code container} (id, name, image, state, exit code, ip per network, labels),
 * never env values.
 */
@ModuleInfo(name = "docker_container", aliases = "community.docker.docker_container", checkMode = CheckSupport.FULL,
        diff = true)
public final class DockerContainerModule extends DockerModule<ContainerArgs> {

    /** What plan found: the container as it is (null when missing) and what differs. */
    private record Found(ContainerState current, List<Difference> differences) {
    }

    @Override
    protected Class<ContainerArgs> args() {
        return ContainerArgs.class;
    }

    @Override
    protected Change plan(ContainerArgs args, HostView host, DockerReader docker) {
        args.validate(host);
        ContainerState current = docker.inspectContainer(args.name()).orElse(null);
        if (args.state().equals("absent")) {
            return current == null ? ContainerData.none("container " + args.name() + " does not exist", ContainerData.registered(docker, null))
                    : Change.delete("remove container " + args.name()).withPayload(new Found(current, List.of()));
        }
        if (args.image() == null && current == null) {
            throw new ModuleException("container " + args.name() + " does not exist on " + host.name() + ": give 'image' to create it");
        }
        String imageId = args.image() == null ? null : docker.inspectImage(args.image()).map(ImageInfo::id).orElse(null);
        // a missing image may come from an earlier step of this run (docker_image): apply checks again
        String later = args.image() != null && imageId == null ? " (image " + args.image() + " is not on the host yet)" : "";
        if (current == null) return Change.create(createSummary(args) + later).withPayload(new Found(null, List.of()));
        if (!later.isEmpty()) return Change.replace("replace: image" + later).withPayload(new Found(current, List.of()));
        List<Difference> diffs = ContainerComparison.compare(args, imageId, ContainerLifecycle.configHash(args, host), current);
        return decide(args, new Found(current, diffs), docker);
    }

    private static Change decide(ContainerArgs args, Found found, DockerReader docker) {
        String name = args.name();
        List<Difference> diffs = found.differences();
        Diff diff = Diff.fields("container " + name, diffs.stream().map(Difference::asField).toList());
        if (args.recreate()) return Change.replace("replace: recreate requested").withDiff(diff).withPayload(found);
        if (!diffs.isEmpty() && diffs.get(0).recreate()) {
            return Change.replace("replace: " + diffs.get(0).field() + " changed").withDiff(diff).withPayload(found);
        }
        boolean running = found.current().running();
        String state = args.state();
        List<String> steps = new java.util.ArrayList<>(diffs.stream().map(d -> "connect to " + d.field().substring(9)).toList());
        if (state.equals("started") && !running) steps.add("start");
        if (state.equals("stopped") && running) steps.add("stop");
        if (steps.isEmpty()) {
            return ContainerData.none("container " + name + " is " + (running ? "running" : found.current().status())
                    + " as declared", ContainerData.registered(docker, found.current()));
        }
        return Change.update(String.join(", ", steps) + " container " + name).withDiff(diff).withPayload(found);
    }

    private static String createSummary(ContainerArgs args) {
        String how = switch (args.state()) {
            case "started" -> "create and start";
            case "stopped" -> "create (stopped)";
            default -> "create";
        };
        return how + " container " + args.name() + " from " + args.image();
    }

    private static void requireImage(ContainerArgs args, DockerReader docker, HostView host) {
        if (docker.inspectImage(args.image()).isEmpty()) {
            throw new ModuleException("image " + args.image() + " is not on " + host.name()
                    + " (load, build or pull it first with docker_image)");
        }
    }

    @Override
    protected Outcome apply(ContainerArgs args, Change change, HostSession host, DockerEndpoint docker) {
        Found found = (Found) change.payload();
        if (change.action() == Action.CREATE || change.action() == Action.REPLACE) requireImage(args, docker, host);
        switch (change.action()) {
            case DELETE -> ContainerLifecycle.remove(args, found.current(), docker);
            case REPLACE -> {
                ContainerLifecycle.remove(args, found.current(), docker);
                ContainerLifecycle.create(args, docker, host);
            }
            case CREATE -> ContainerLifecycle.create(args, docker, host);
            default -> update(args, found.current(), docker, host);
        }
        ContainerState now = docker.inspectContainer(args.name()).orElse(null);
        Map<String, Object> registered = ContainerData.registered(docker, now);
        return ContainerData.maskingEnv(Outcome.changed(change).withData(registered), registered);
    }

    private static void update(ContainerArgs args, ContainerState current, DockerEndpoint docker, HostSession host) {
        if (args.networks() != null) ContainerLifecycle.connectNetworks(args, current, docker);
        if (args.state().equals("started") && !current.running()) ContainerLifecycle.start(args, current.id(), docker, host);
        if (args.state().equals("stopped") && current.running()) docker.stopContainer(current.id(), args.stop_timeout());
    }
}
