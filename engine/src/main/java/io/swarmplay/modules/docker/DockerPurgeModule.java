package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.ContainerSummary;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.NetworkInfo;
import io.swarmplay.connection.docker.VolumeInfo;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.Diff;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.support.DockerModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes the containers, networks and volumes a run left behind, chosen by labels or (for
 * containers) by the image they were created from: what HPE's {@code stop-swarm} does. swarmplay's
 * own module, more destructive than community.docker's {@code docker_prune} (which never touches a
 * running container), so it has its own name and the required {@code running}: {@code kill}
 * kills and removes running containers too, {@code keep} leaves them (and removes stopped ones).
 * <pre>{@code
 * - docker_purge:
 *     labels: {app: swarm-learning}
 *     running: kill
 * - docker_purge:
 *     ancestor: hpe/swarm-learning/sn:2.2.0
 *     running: kill
 *     volumes: false
 * }</pre>
 * Containers are removed first, then networks, then volumes. A no-op when nothing matches; the
 * plan lists everything that would be removed. Networks and volumes are chosen only by
 * {@code labels}.
 */
@ModuleInfo(name = "docker_purge", checkMode = CheckSupport.FULL, diff = true)
public final class DockerPurgeModule extends DockerModule<DockerPurgeModule.Args> {

    public record Args(@Doc("Labels the containers, networks and volumes to remove carry (all of them).") Map<String, String> labels,
                       @Doc("Remove containers created from this image.") String ancestor,
                       @Doc("Running containers: kill them and remove them too, or keep them.") @Required @Choices({"kill", "keep"}) String running,
                       @Doc("Remove the matching containers.") @Default("true") boolean containers,
                       @Doc("Remove the matching networks (chosen by labels).") @Default("true") boolean networks,
                       @Doc("Remove the matching volumes (chosen by labels).") @Default("true") boolean volumes) {
    }

    /** What matched. */
    private record Selection(List<ContainerSummary> containers, List<NetworkInfo> networks, List<VolumeInfo> volumes) {

        boolean isEmpty() {
            return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
        }
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        Map<String, String> labels = args.labels() == null ? Map.of() : args.labels();
        if (labels.isEmpty() && args.ancestor() == null) {
            throw new ModuleException("docker_purge needs labels or ancestor to choose what to remove");
        }
        boolean byLabels = !labels.isEmpty();
        List<ContainerSummary> containers = args.containers() ? docker.listContainers(labels, args.ancestor()) : List.of();
        if (args.running().equals("keep")) containers = containers.stream().filter(c -> !"running".equals(c.state())).toList();
        Selection s = new Selection(containers,
                args.networks() && byLabels ? docker.listNetworks(labels) : List.of(),
                args.volumes() && byLabels ? docker.listVolumes(labels) : List.of());
        if (s.isEmpty()) return Change.none("nothing to prune on " + host.name());
        List<Diff.FieldChange> gone = new ArrayList<>();
        s.containers().forEach(c -> gone.add(new Diff.FieldChange("container " + c.name(), c.state(), "(removed)")));
        s.networks().forEach(n -> gone.add(new Diff.FieldChange("network " + n.name(), "present", "(removed)")));
        s.volumes().forEach(v -> gone.add(new Diff.FieldChange("volume " + v.name(), "present", "(removed)")));
        return Change.delete("remove " + describe(s)).withDiff(Diff.fields("prune", gone)).withPayload(s);
    }

    private static String describe(Selection s) {
        List<String> parts = new ArrayList<>();
        if (!s.containers().isEmpty()) parts.add("containers " + String.join(", ", s.containers().stream().map(ContainerSummary::name).toList()));
        if (!s.networks().isEmpty()) parts.add("networks " + String.join(", ", s.networks().stream().map(NetworkInfo::name).toList()));
        if (!s.volumes().isEmpty()) parts.add("volumes " + String.join(", ", s.volumes().stream().map(VolumeInfo::name).toList()));
        return String.join("; ", parts);
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        Selection s = (Selection) change.payload();
        s.containers().forEach(c -> docker.removeContainer(c.id(), args.running().equals("kill")));
        s.networks().forEach(n -> docker.removeNetwork(n.id()));
        s.volumes().forEach(v -> docker.removeVolume(v.name()));
        return Outcome.changed(change).withData(Map.of("removed", describe(s)));
    }
}
