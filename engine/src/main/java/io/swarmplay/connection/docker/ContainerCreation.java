package io.swarmplay.connection.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;

import java.util.List;

/** A {@link ContainerSpec} as docker-java's create command: only what the spec sets is sent. */
final class ContainerCreation {

    private ContainerCreation() {
    }

    static CreateContainerCmd command(DockerClient client, ContainerSpec spec) {
        CreateContainerCmd cmd = client.createContainerCmd(spec.image()).withName(spec.name())
                .withLabels(spec.labels()).withTty(spec.tty()).withStdinOpen(spec.interactive())
                .withHostConfig(hostConfig(spec));
        if (!spec.command().isEmpty()) cmd.withCmd(spec.command());
        if (!spec.entrypoint().isEmpty()) cmd.withEntrypoint(spec.entrypoint());
        if (!spec.env().isEmpty()) cmd.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (spec.hostname() != null) cmd.withHostName(spec.hostname());
        if (spec.user() != null) cmd.withUser(spec.user());
        if (spec.workingDir() != null) cmd.withWorkingDir(spec.workingDir());
        if (spec.stopTimeout() != null) cmd.withStopTimeout(spec.stopTimeout());
        if (!spec.ports().isEmpty()) cmd.withExposedPorts(spec.ports().stream().map(ContainerCreation::exposed).toList());
        if (!spec.networks().isEmpty() && spec.networkMode() == null) {
            NetworkAttachment first = spec.networks().get(0);
            if (!first.aliases().isEmpty()) cmd.withAliases(first.aliases());
            if (first.ipv4Address() != null) cmd.withIpv4Address(first.ipv4Address());
            if (first.ipv6Address() != null) cmd.withIpv6Address(first.ipv6Address());
        }
        return cmd;
    }

    private static HostConfig hostConfig(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig().withAutoRemove(spec.autoRemove());
        if (!spec.mounts().isEmpty()) host.withBinds(spec.mounts().stream().map(ContainerCreation::bind).toList());
        if (!spec.ports().isEmpty()) host.withPortBindings(ports(spec.ports()));
        String networkMode = spec.networkMode() != null ? spec.networkMode()
                : spec.networks().isEmpty() ? null : spec.networks().get(0).network();
        if (networkMode != null) host.withNetworkMode(networkMode);
        if (spec.pidMode() != null) host.withPidMode(spec.pidMode());
        if (spec.restartPolicy() != null) host.withRestartPolicy(RestartPolicy.parse(spec.restartPolicy()));
        if (spec.init() != null) host.withInit(spec.init());
        if (!spec.capabilities().isEmpty()) {
            host.withCapAdd(spec.capabilities().stream().map(c -> Capability.valueOf(c.toUpperCase().replaceFirst("^CAP_", "")))
                    .toArray(Capability[]::new));
        }
        if (!spec.devices().isEmpty()) host.withDevices(spec.devices().stream().map(Device::parse).toList());
        return host;
    }

    private static Bind bind(MountSpec mount) {
        return new Bind(mount.source(), new Volume(mount.target()), mount.readOnly() ? AccessMode.ro : AccessMode.rw);
    }

    private static ExposedPort exposed(PortSpec port) {
        return new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
    }

    private static Ports ports(List<PortSpec> specs) {
        Ports ports = new Ports();
        for (PortSpec p : specs) {
            ports.bind(exposed(p), new Ports.Binding(p.hostIp().isEmpty() ? null : p.hostIp(),
                    p.hostPort().isEmpty() ? null : p.hostPort()));
        }
        return ports;
    }
}
