package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.ArchiveEntry;
import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.Diff;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.PreviewData;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.copy.ContainerUser;
import io.swarmplay.modules.docker.copy.CopyCheck;
import io.swarmplay.modules.docker.copy.CopySource;
import io.swarmplay.modules.docker.support.DockerCommonArgs;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.docker.support.Specs;
import io.swarmplay.modules.support.Results;

import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies one file (or {@code content}) into a container, community.docker 3.4.7's module.
 * <pre>{@code
 * - docker_container_copy_into:
 *     container: web
 *     path: /etc/app/app.conf          # on the host
 *     container_path: /etc/app.conf
 *     mode: 0644
 * }</pre>
 * Idempotent by type, size, mode, owner, group and content ({@code force: true} always writes,
 * {@code force: false} only where nothing is). Registers {@code container_path} (the link's
 * target with {@code follow: true}) and, in diff mode, {@code diff}. Without {@code owner_id} and
 * {@code group_id} the file gets the IDs of the container's user, read from its
 * {@code /etc/passwd}; as in community.docker (which runs {@code id} in it) the container must then be running.
 */
@ModuleInfo(name = "docker_container_copy_into", aliases = "community.docker.docker_container_copy_into",
        checkMode = CheckSupport.FULL, diff = true)
public final class DockerCopyIntoModule extends DockerModule<DockerCopyIntoModule.Args> {

    public record Args(@Required @Doc("The container to copy into.") String container,
                       @Doc("A file on the host (exclusive with content).") String path,
                       @Doc("The file's content (exclusive with path; needs mode).") String content,
                       @Doc("content is Base64: decode it first.") boolean content_is_b64,
                       @Required @Doc("Absolute path of the file in the container.") String container_path,
                       @Doc("Follow symbolic links in the container.") boolean follow,
                       @Default("true") @Doc("Follow symbolic links on the host.") boolean local_follow,
                       @Doc("Owner ID of the file (with group_id).") Integer owner_id,
                       @Doc("Group ID of the file (with owner_id).") Integer group_id,
                       @Doc("Mode of the file; the host file's by default.") Object mode,
                       @Doc("true: always write; false: write only where nothing is; unset: compare.") Boolean force,
            @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {
    }

    /** What apply writes and what register stores. */
    private record Copy(String id, ArchiveEntry entry, String containerPath, Map<String, Object> previewData)
            implements PreviewData {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        check(args);
        ContainerState state = docker.inspectContainer(args.container()).orElse(null);
        // an earlier step of this run may create it: apply plans again and fails then
        if (state == null) return Change.unknown("Could not find container \"" + args.container() + "\"");
        CopySource source = args.content() != null
                ? CopySource.content(args.content(), args.content_is_b64(), Specs.mode(args.mode(), 0))
                : CopySource.file(host, args.path(), args.local_follow(), args.mode() == null ? null : Specs.mode(args.mode(), 0));
        ContainerUser owner = args.owner_id() != null ? new ContainerUser(args.owner_id(), args.group_id())
                : containerUser(args, docker, state);
        boolean diff = Boolean.TRUE.equals(host.evaluate("ansible_diff_mode"));
        CopyCheck.Verdict verdict = CopyCheck.check(docker, state.id(), source, owner, normalized(args.container_path()),
                args.follow(), args.force(), diff);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("container_path", verdict.containerPath());
        if (verdict.diff() != null) data.put("diff", verdict.diff());
        if (verdict.idempotent()) return Results.none(verdict.containerPath() + " in " + args.container() + " is up to date", data);
        ArchiveEntry entry = entry(source, verdict.containerPath(), owner);
        return Change.update("copy " + source.header() + " to " + args.container() + ":" + verdict.containerPath())
                .withDiff(textDiff(verdict)).withPayload(new Copy(state.id(), entry, verdict.containerPath(), data));
    }

    /**
     * The IDs of the container's user. community.docker asks the container ({@code id -u && id -g} through an
     * exec), which Docker refuses (409) unless the container is running and not paused: it fails so here too.
     */
    private static ContainerUser containerUser(Args args, DockerReader docker, ContainerState state) {
        if (!state.running() || "paused".equals(state.status())) {
            throw new ModuleException("Cannot execute command in paused container \"" + args.container() + "\"");
        }
        return ContainerUser.of(docker, state.id(), state.user());
    }

    private static void check(Args args) {
        if (args.path() != null && args.content() != null) throw new ModuleException("parameters are mutually exclusive: path|content");
        if (args.path() == null && args.content() == null) throw new ModuleException("One of path and content must be supplied");
        if ((args.owner_id() == null) != (args.group_id() == null)) {
            throw new ModuleException("parameters are required together: owner_id, group_id");
        }
        if (args.content() != null && args.mode() == null) {
            throw new ModuleException("missing parameter(s) required by 'content': mode");
        }
    }

    /** community.docker makes the path absolute and normal ({@code os.path.normpath}). */
    static String normalized(String path) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        return Paths.get(absolute).normalize().toString();
    }

    private static ArchiveEntry entry(CopySource source, String containerPath, ContainerUser owner) {
        String name = containerPath.substring(containerPath.lastIndexOf('/') + 1);
        return source.link() ? ArchiveEntry.symlink(name, source.target(), owner.uid(), owner.gid(), source.mode())
                : ArchiveEntry.file(name, source.bytes(), owner.uid(), owner.gid(), source.mode());
    }

    private static Diff textDiff(CopyCheck.Verdict verdict) {
        Map<String, Object> d = verdict.diff();
        if (d == null || !d.containsKey("before") || !d.containsKey("after")) return null;
        return Diff.text(String.valueOf(d.get("before_header")), String.valueOf(d.get("before")), String.valueOf(d.get("after")));
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        if (!(change.payload() instanceof Copy copy)) {
            throw new ModuleException("Could not find container \"" + args.container() + "\" on " + host.name());
        }
        String path = copy.containerPath();
        int slash = path.lastIndexOf('/');
        docker.putArchive(copy.id(), slash == 0 ? "/" : path.substring(0, slash), copy.entry());
        return Outcome.changed(change).withData(copy.previewData());
    }
}
