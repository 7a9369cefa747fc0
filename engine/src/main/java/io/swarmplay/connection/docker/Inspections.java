package io.swarmplay.connection.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-java's models → this package's records, normalised as {@link ContainerState} describes. */
final class Inspections {

    private Inspections() {
    }

    static ContainerState container(InspectContainerResponse r) {
        ContainerConfig c = r.getConfig();
        HostConfig h = r.getHostConfig();
        InspectContainerResponse.ContainerState s = r.getState();
        return new ContainerState(r.getId(), r.getName().replaceFirst("^/", ""), c.getImage(), r.getImageId(),
                s.getStatus(), Boolean.TRUE.equals(s.getRunning()), s.getExitCodeLong() == null ? 0 : s.getExitCodeLong(),
                s.getHealth() == null ? null : s.getHealth().getStatus(), list(c.getCmd()), list(c.getEntrypoint()),
                env(c.getEnv()), c.getLabels(), c.getHostName(), c.getUser(), c.getWorkingDir(), ports(h.getPortBindings()),
                mounts(r.getMounts()), networks(r), h.getNetworkMode(), h.getPidMode(), Boolean.TRUE.equals(c.getTty()),
                Boolean.TRUE.equals(c.getStdinOpen()), restart(h.getRestartPolicy()), Boolean.TRUE.equals(h.getAutoRemove()),
                Boolean.TRUE.equals(h.getInit()), capabilities(h.getCapAdd()), devices(h.getDevices()));
    }

    static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** {@code K=V} entries as a map; an entry without {@code =} maps to an empty value. */
    static Map<String, String> env(String[] entries) {
        Map<String, String> env = new LinkedHashMap<>();
        if (entries == null) return env;
        for (String e : entries) {
            int eq = e.indexOf('=');
            env.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        return env;
    }

    private static List<PortSpec> ports(Ports ports) {
        List<PortSpec> specs = new ArrayList<>();
        if (ports == null) return specs;
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : ports.getBindings().entrySet()) {
            if (e.getValue() == null) continue;
            for (Ports.Binding b : e.getValue()) {
                specs.add(new PortSpec(b.getHostIp(), b.getHostPortSpec(), e.getKey().getPort(),
                        e.getKey().getProtocol().toString()));
            }
        }
        return specs;
    }

    private static List<MountSpec> mounts(List<InspectContainerResponse.Mount> mounts) {
        List<MountSpec> specs = new ArrayList<>();
        if (mounts == null) return specs;
        for (InspectContainerResponse.Mount m : mounts) {
            boolean volume = m.getName() != null && !m.getName().isEmpty();
            specs.add(new MountSpec(volume ? "volume" : "bind", volume ? m.getName() : m.getSource(),
                    m.getDestination().getPath(), !Boolean.TRUE.equals(m.getRW())));
        }
        return specs;
    }

    private static Map<String, NetworkAttachment> networks(InspectContainerResponse r) {
        Map<String, NetworkAttachment> networks = new LinkedHashMap<>();
        if (r.getNetworkSettings() == null || r.getNetworkSettings().getNetworks() == null) return networks;
        for (Map.Entry<String, ContainerNetwork> e : r.getNetworkSettings().getNetworks().entrySet()) {
            ContainerNetwork n = e.getValue();
            // a container that never ran has no address yet, only the one it asked for
            String ip = n.getIpAddress() != null && !n.getIpAddress().isEmpty() ? n.getIpAddress()
                    : n.getIpamConfig() == null ? null : n.getIpamConfig().getIpv4Address();
            networks.put(e.getKey(), new NetworkAttachment(e.getKey(), n.getAliases(), ip));
        }
        return networks;
    }

    /** {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]}; unset reads as {@code no}. */
    private static String restart(RestartPolicy policy) {
        if (policy == null || policy.getName() == null || policy.getName().isEmpty()) return "no";
        Integer retries = policy.getMaximumRetryCount();
        return policy.getName() + (policy.getName().equals("on-failure") && retries != null && retries > 0 ? ":" + retries : "");
    }

    private static List<String> capabilities(Capability[] caps) {
        return caps == null ? List.of() : Arrays.stream(caps).map(Enum::name).toList();
    }

    private static List<String> devices(Device[] devices) {
        if (devices == null) return List.of();
        return Arrays.stream(devices).map(d -> d.getPathOnHost() + ":" + d.getPathInContainer() + ":"
                + d.getcGroupPermissions()).toList();
    }

    static ContainerSummary summary(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
        return new ContainerSummary(c.getId(), name, c.getImage(), c.getState(), c.getLabels());
    }

    static ImageInfo image(InspectImageResponse r) {
        Map<String, String> labels = r.getConfig() == null ? Map.of() : r.getConfig().getLabels();
        return new ImageInfo(r.getId(), r.getRepoTags(), labels, r.getCreated());
    }

    static ImageInfo image(Image i) {
        return new ImageInfo(i.getId(), i.getRepoTags() == null ? List.of() : Arrays.asList(i.getRepoTags()), i.getLabels(),
                String.valueOf(i.getCreated()));
    }

    static VolumeInfo volume(InspectVolumeResponse v) {
        return new VolumeInfo(v.getName(), v.getDriver(), v.getLabels(), v.getMountpoint());
    }

    static NetworkInfo network(Network n) {
        String subnet = null;
        String gateway = null;
        if (n.getIpam() != null && n.getIpam().getConfig() != null && !n.getIpam().getConfig().isEmpty()) {
            subnet = n.getIpam().getConfig().get(0).getSubnet();
            gateway = n.getIpam().getConfig().get(0).getGateway();
        }
        Map<String, String> containers = new LinkedHashMap<>();
        if (n.getContainers() != null) n.getContainers().forEach((id, c) -> containers.put(id, c.getName()));
        return new NetworkInfo(n.getId(), n.getName(), n.getDriver(), subnet, gateway, n.getLabels(), containers);
    }
}
