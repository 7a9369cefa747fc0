package io.swarmplay.modules.docker;

import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.DockerException;
import io.swarmplay.connection.docker.TarFile;
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
import io.swarmplay.modules.docker.support.Specs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Copies one file between the host and a container (created or running), idempotent by SHA-256
 * and mode.
 * <pre>{@code
 * - docker_copy: {container: sn-1, src: /opt/swarm/sn.conf, dest: /etc/sn.conf, mode: "0640"}
 * - docker_copy: {container: sn-1, content: "{{ peers | to_json }}", dest: /tmp/peers.json}
 * - docker_copy: {container: sn-1, direction: from_container, src: /platform/token, dest: /root/token}
 * }</pre>
 * {@code src} is a path on the host (not the control node); the container's parent directory must exist.
 */
@ModuleInfo(name = "docker_copy", checkMode = CheckSupport.FULL)
public final class DockerCopyModule extends DockerModule<DockerCopyModule.Args> {

    /** (community.docker's {@code docker_container_copy_into} is {@link DockerCopyIntoModule}.) */
    public record Args(@Doc("Name or ID of the container.") @Required String container,
                       @Doc("Source path: on the host (to_container) or in the container (from_container).") String src,
                       @Doc("Text to write instead of src (to_container).") String content,
                       @Doc("Destination path: in the container (to_container) or on the host (from_container).") @Required String dest,
                       @Doc("Mode of the written file (octal string, e.g. 0640).") Object mode,
                       @Doc("Which way to copy (default to_container).") @Choices({"to_container", "from_container"}) String direction) {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        String id = docker.inspectContainer(args.container()).map(c -> c.id()).orElse(null);
        // an earlier step of this run may create it: known once that step has applied
        if (id == null) return Change.unknown("container " + args.container() + " does not exist yet on " + host.name());
        String where = args.container() + ":" + args.dest();
        if (args.direction().equals("from_container")) {
            if (args.src() == null) throw new ModuleException("direction from_container needs src (a path in the container)");
            TarFile file = single(docker, id, args.src());
            boolean same = host.sha256(args.dest()).map(ConfigHash.of(file.content())::equals).orElse(false);
            return same ? Change.none(args.dest() + " on " + host.name() + " matches " + args.container() + ":" + args.src())
                    : Change.update("copy " + args.container() + ":" + args.src() + " to " + args.dest()).withPayload(file);
        }
        TarFile wanted = new TarFile(name(args.dest()), bytes(args, host), Specs.mode(args.mode(), 0644));
        TarFile current = existing(docker, id, args.dest());
        if (current != null && ConfigHash.of(current.content()).equals(ConfigHash.of(wanted.content()))
                && current.mode() == wanted.mode()) {
            return Change.none(where + " is up to date");
        }
        return (current == null ? Change.create("copy to " + where) : Change.update("update " + where)).withPayload(wanted);
    }

    private static byte[] bytes(Args args, HostView host) {
        if ((args.src() == null) == (args.content() == null)) throw new ModuleException("docker_copy needs exactly one of src or content");
        return args.content() != null ? args.content().getBytes(StandardCharsets.UTF_8) : host.read(args.src());
    }

    private static TarFile existing(DockerReader docker, String id, String path) {
        try {
            return single(docker, id, path);
        } catch (DockerException | ModuleException e) {
            return null;
        }
    }

    private static TarFile single(DockerReader docker, String id, String path) {
        List<TarFile> files = docker.copyOut(id, path);
        if (files.size() != 1) throw new ModuleException(path + " in the container is not a single regular file");
        return files.get(0);
    }

    private static String name(String path) {
        if (!path.startsWith("/") || path.endsWith("/")) throw new ModuleException("dest '" + path + "' must be an absolute file path");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        if (!(change.payload() instanceof TarFile file)) {
            throw new ModuleException("container " + args.container() + " does not exist on " + host.name());
        }
        if (args.direction().equals("from_container")) {
            int mode = args.mode() == null ? file.mode() : Specs.mode(args.mode(), 0644);
            host.write(args.dest(), new ByteArrayInputStream(file.content()), FileAttrs.mode(mode));
        } else {
            docker.copyIn(args.container(), parent(args.dest()), List.of(file));
        }
        return Outcome.changed(change);
    }
}
