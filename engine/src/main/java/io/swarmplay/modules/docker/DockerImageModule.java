package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.ImageArchive;
import io.swarmplay.connection.docker.ImageInfo;
import io.swarmplay.module.Action;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Diff;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.support.DockerCommonArgs;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.docker.support.ImageSource;
import io.swarmplay.modules.support.Results;

import java.util.List;
import java.util.Map;

/**
 * An image on the host, from a {@code docker save} tar on the control node ({@code source: load},
 * for air-gapped hosts), a build context on the control node ({@code build}), a registry
 * ({@code pull}), or required to be there already ({@code local}); or removed.
 * <pre>{@code
 * - docker_image:
 *     name: hpe/swarm-learning/sn
 *     tag: 2.2.0
 *     source: load
 *     load_path: images/sn-2.2.0.tar        # files/ next to the playbook
 * - docker_image:
 *     name: app
 *     source: build
 *     build: {path: app/, dockerfile: Dockerfile, args: {VERSION: "1.2"}}
 *     tags: ["app:stable"]
 * }</pre>
 * Present is a no-op when the image exists; for {@code load}, when its ID equals the archive's
 * (read from the tar's manifest.json, without loading). {@code force} loads, builds or pulls anyway.
 */
@ModuleInfo(name = "docker_image", aliases = "community.docker.docker_image", checkMode = CheckSupport.FULL, diff = true)
public final class DockerImageModule extends DockerModule<DockerImageModule.Args> {

    public record Args(@Required @Doc("Image name, with or without its tag.") String name,
                       @Doc("Tag when name has none (latest).") String tag,
                       @Doc("Whether the image is on the host.") @Choices({"present", "absent"}) String state,
                       @Doc("Where a missing image comes from.") @Choices({"local", "load", "build", "pull"}) String source,
                       @Doc("With source load: a docker save tar (files/ next to the playbook).") String load_path,
                       @Doc("With source build: {path, dockerfile, args, ...}.") Map<String, Object> build,
                       @Doc("Registry login: {username, password, url}.") Map<String, Object> registry,
                       @Doc("Load, build or pull even when the image is present.") boolean force,
                       @Doc("More tags for the image (repo:tag).") List<String> tags,
                       @Doc("community.docker's name for force.") boolean force_source,
                       @Doc("With state absent: remove even when containers use it.") boolean force_absent,
                       @Doc("Move repository's tag even when it names another image.") boolean force_tag,
                       @Doc("Save the image (docker save) to this path on the host.") String archive_path,
                       @Doc("Tag the image as repository[:tag] too.") String repository,
                       @Doc("Push to the registry (not supported: no registry access).") boolean push,
                       @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {

        /** force or force_source. */
        boolean forced() {
            return force || force_source;
        }

        /** {@code repo:tag}; a tag in {@code name} wins over the default {@code latest}. */
        public String reference() {
            boolean tagged = name.lastIndexOf(':') > name.lastIndexOf('/');
            return tagged ? name : name + ":" + (tag == null ? "latest" : tag);
        }

        ImageSource from() {
            return new ImageSource(source, reference(), load_path, build, registry);
        }
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    /** An image ID ({@code sha256:} and 64 hex digits) rather than a name, as community.docker's {@code is_image_name_id}. */
    static boolean isImageId(String name) {
        return name != null && name.matches("sha256:[0-9a-fA-F]{64}");
    }

    /** community.docker's checks before anything is done: an image ID cannot be a tag target, be pushed, pulled or built. */
    private static void checkIds(Args args, boolean fetching) {
        if (isImageId(args.repository())) throw new ModuleException("`repository` must not be an image ID; got: " + args.repository());
        if (args.repository() == null && args.push() && isImageId(args.name())) {
            throw new ModuleException("Cannot push an image by ID; specify `repository` to tag and push the image with ID "
                    + args.name() + " instead");
        }
        if (fetching && isImageId(args.name()) && (args.source().equals("build") || args.source().equals("pull"))) {
            throw new ModuleException("Image name must not be an image ID for source=" + args.source() + "; got: " + args.name());
        }
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        String ref = args.reference();
        ImageInfo current = docker.inspectImage(ref).orElse(null);
        checkIds(args, args.state().equals("present") && (current == null || args.forced()));
        if (args.state().equals("absent")) {
            return current == null ? Change.none("image " + ref + " is not on " + host.name())
                    : Change.delete("remove image " + ref + " (" + shortId(current.id()) + ")").withPayload(args.force_absent());
        }
        if (args.source().equals("local")) {
            // an earlier step of this run may load it: the plan cannot tell, apply checks again
            if (current == null) return Change.unknown("image " + ref + " is not on " + host.name()
                    + " yet (source local: known after apply)");
        } else if (current == null || args.forced() || stale(args, current, host)) {
            return fetch(args, current, host);
        }
        List<String> missing = new java.util.ArrayList<>(missingTags(args, current));
        if (args.archive_path() != null && !ImageArchives.holds(host, args.archive_path(), current.id(), ref)) {
            return Change.update("archive " + ref + " to " + args.archive_path()
                    + (missing.isEmpty() ? "" : ", tag as " + String.join(", ", missing))).withPayload(current);
        }
        if (missing.isEmpty()) return Results.none("image " + ref + " is present (" + shortId(current.id()) + ")", data(docker, current));
        return Change.update("tag " + ref + " as " + String.join(", ", missing)).withPayload(current);
    }

    /** The repo:tag of {@code repository} (its own tag, else the image's). */
    private static String repositoryRef(Args args) {
        String repo = args.repository();
        boolean tagged = repo.lastIndexOf(':') > repo.lastIndexOf('/');
        String ref = args.reference();
        return tagged ? repo : repo + ref.substring(ref.lastIndexOf(':'));
    }

    private static boolean stale(Args args, ImageInfo current, HostView host) {
        if (!args.source().equals("load")) return false;
        return !args.from().archive(host).imageId().equals(current.id());
    }

    private static Change fetch(Args args, ImageInfo current, HostView host) {
        String verb = switch (args.source()) {
            case "load" -> "load " + args.reference() + " from " + args.load_path();
            case "build" -> "build " + args.reference() + " from " + args.build().get("path");
            default -> "pull " + args.reference();
        };
        String before = current == null ? "(absent)" : shortId(current.id());
        String after = "(known after apply)";
        if (args.source().equals("load")) {
            ImageArchive archive = args.from().archive(host);
            args.from().requireHolds(archive);
            after = shortId(archive.imageId());
        }
        Diff diff = Diff.fields("image " + args.reference(), List.of(new Diff.FieldChange("id", before, after)));
        return (current == null ? Change.create(verb) : Change.update(verb + (args.forced() ? " (force)" : ""))).withDiff(diff);
    }

    private static List<String> missingTags(Args args, ImageInfo current) {
        List<String> wanted = new java.util.ArrayList<>(args.tags() == null ? List.of() : args.tags());
        if (args.repository() != null) wanted.add(repositoryRef(args));
        return wanted.stream().filter(t -> !current.repoTags().contains(t)).toList();
    }

    /** Source local: the image must be there by now (an earlier step loaded it); nothing is fetched. */
    private static Outcome applyLocal(Args args, Change change, HostSession host, DockerEndpoint docker) {
        ImageInfo now = docker.inspectImage(args.reference()).orElseThrow(() -> new ModuleException("image "
                + args.reference() + " is not on " + host.name() + " and source is local: load, build or pull it first"));
        List<String> missing = missingTags(args, now);
        for (String extra : missing) ImageSource.tag(docker, now.id(), extra);
        boolean archive = args.archive_path() != null && !ImageArchives.holds(host, args.archive_path(), now.id(), args.reference());
        if (archive) ImageArchives.save(docker, host, args.reference(), args.archive_path());
        Outcome outcome = missing.isEmpty() && !archive
                ? Outcome.ok("image " + args.reference() + " is present (" + shortId(now.id()) + ")").withChange(change)
                : Outcome.changed(change);
        return outcome.withData(data(docker, now));
    }

    /** What register stores: {@code image_id}, and {@code image}, the engine's inspect output, as community.docker returns it. */
    private static Map<String, Object> data(DockerReader docker, ImageInfo image) {
        Map<String, Object> inspect = docker.inspect(io.swarmplay.connection.docker.DockerObject.IMAGE, image.id())
                .orElse(Map.of("Id", image.id(), "RepoTags", image.repoTags()));
        return Map.of("image_id", image.id(), "image", inspect);
    }

    static String shortId(String id) {
        return id.replaceFirst("^sha256:", "").substring(0, Math.min(12, id.replaceFirst("^sha256:", "").length()));
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        if (args.push()) throw new ModuleException("push is not supported: swarmplay reaches no registry for pushing");
        if (change.action() == Action.DELETE) {
            docker.removeImage(args.reference(), args.force_absent());
            return Outcome.changed(change);
        }
        if (args.source().equals("local")) return applyLocal(args, change, host, docker);
        String before = docker.inspectImage(args.reference()).map(ImageInfo::id).orElse(null);
        List<String> output = change.payload() instanceof ImageInfo ? List.of() : args.from().fetch(docker, host);
        ImageInfo now = docker.inspectImage(args.reference()).orElseThrow(() -> new ModuleException("image "
                + args.reference() + " is still not on " + host.name() + " after " + args.source()
                + " (does the archive or build carry that tag?)"));
        for (String extra : missingTags(args, now)) ImageSource.tag(docker, now.id(), extra);
        if (args.archive_path() != null && !ImageArchives.holds(host, args.archive_path(), now.id(), args.reference())) {
            ImageArchives.save(docker, host, args.reference(), args.archive_path());
        }
        Object password = args.registry() == null ? null : args.registry().get("password");
        Map<String, Object> data = new java.util.LinkedHashMap<>(data(docker, now));
        if (args.source().equals("build")) data.put("stdout", String.join("\n", output));
        // a forced build or pull that produced the image already there changes nothing (community.docker)
        boolean same = !args.source().equals("load") && now.id().equals(before) && !(change.payload() instanceof ImageInfo)
                && missingTags(args, now).isEmpty();
        Outcome outcome = same ? Outcome.ok("image " + args.reference() + " is unchanged (" + shortId(now.id()) + ")").withChange(change)
                : Outcome.changed(change);
        return outcome.withData(data)
                .withSecret(password == null ? null : password.toString());
    }
}
