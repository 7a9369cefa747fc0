package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.NetworkAttachment;
import io.swarmplay.connection.docker.TarFile;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.modules.support.ControlFiles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The steps {@code docker_container} applies: remove, create (with copy_in), start and wait, reconnect networks. */
public final class ContainerLifecycle {

    private ContainerLifecycle() {
    }

    /** Stops gracefully (SIGKILL after stop_timeout) or, with force_kill, kills, then removes. */
    public static void remove(ContainerArgs args, ContainerState current, DockerEndpoint docker) {
        if (!args.force_kill() && current.running()) docker.stopContainer(current.id(), args.stop_timeout());
        docker.removeContainer(current.id(), true);
    }

    /** Creates the container, puts copy_in files into it, and starts it (then waits) when state is started. */
    public static String create(ContainerArgs args, DockerEndpoint docker, HostSession host) {
        String id = docker.createContainer(args.spec(configHash(args, host)));
        for (Map<String, Object> file : args.copyIn()) copyIn(id, file, docker, host);
        if (args.state().equals("started")) start(args, id, docker, host);
        return id;
    }

    /** Starts, then waits for {@code wait_for}; with {@code detach: false} also for the exit, which must be 0. */
    public static void start(ContainerArgs args, String id, DockerEndpoint docker, HostSession host) {
        docker.startContainer(id);
        if (args.wait_for() != null) ReadinessWait.await(args.wait_for(), args.name(), docker, host);
        if (args.detach()) return;
        long code = docker.waitContainer(id, java.time.Duration.ofDays(1)).orElse(-1L);
        if (code != 0) {
            throw new ModuleException("container '" + args.name() + "' on " + host.name() + " exited with code " + code
                    + ReadinessWait.tail(docker, id));
        }
    }

    /** Connects declared networks that are missing, reconnecting those whose aliases or address differ. */
    public static void connectNetworks(ContainerArgs args, ContainerState current, DockerEndpoint docker) {
        for (NetworkAttachment wanted : args.attachments()) {
            NetworkAttachment has = current.networks().get(wanted.network());
            if (has != null && has.aliases().containsAll(wanted.aliases())
                    && (wanted.ipv4Address() == null || wanted.ipv4Address().equals(has.ipv4Address()))) continue;
            if (has != null) docker.disconnectNetwork(wanted.network(), current.id());
            docker.connectNetwork(wanted.network(), current.id(), wanted);
        }
    }

    private static void copyIn(String id, Map<String, Object> file, DockerEndpoint docker, HostSession host) {
        String[] dest = ContainerArgs.copyInDest(file);
        TarFile tar = new TarFile(dest[1], content(file, host), Specs.mode(file.get("mode"), 0644));
        docker.copyIn(id, dest[0], List.of(tar));
    }

    /** {@code content} (already rendered by the runner) or a control-node file {@code src} (under files/). */
    public static byte[] content(Map<String, Object> file, HostView host) {
        java.nio.file.Path src = source(file, host);
        return src == null ? file.get("content").toString().getBytes(StandardCharsets.UTF_8) : ControlFiles.read(src);
    }

    /** The control-node file of a {@code copy_in} entry, or null when it gives {@code content}; exactly one of them. */
    static java.nio.file.Path source(Map<String, Object> file, HostView host) {
        Object content = file.get("content");
        Object src = file.get("src");
        if ((content == null) == (src == null)) throw new ModuleException("copy_in: give exactly one of content or src");
        return src == null ? null : ControlFiles.find(host, src.toString(), "files");
    }

    /** The config hash: the declared fields, with copy_in contents as digests (a changed src file counts). */
    public static String configHash(ContainerArgs args, HostView host) {
        Map<String, Object> declared = args.declared();
        if (args.copy_in() != null) {
            declared.put("copy_in", args.copyIn().stream().map(f -> Map.of("dest", String.valueOf(f.get("dest")),
                    "mode", String.valueOf(f.get("mode")), "sha256", ConfigHash.of(content(f, host)))).toList());
        }
        return ConfigHash.of(declared);
    }
}
