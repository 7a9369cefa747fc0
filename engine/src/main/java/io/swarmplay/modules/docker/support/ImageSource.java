package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.ImageArchive;
import io.swarmplay.connection.docker.RegistryAuth;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where {@code docker_image} gets an image from: a saved tar on the control node, a build
 * context on the control node, or a registry.
 *
 * @param kind      {@code load}, {@code build} or {@code pull}
 * @param reference {@code repo:tag}
 * @param loadPath  the tar for {@code load}
 * @param build     {@code {path, dockerfile, args}} for {@code build}
 * @param registry  {@code {url, username, password}} for {@code pull}, or null
 */
public record ImageSource(String kind, String reference, String loadPath, Map<String, Object> build,
                          Map<String, Object> registry) {

    /** The archive named by {@code load_path} (found like {@code copy: src}, under files/). */
    public ImageArchive archive(HostView host) {
        if (loadPath == null) throw new ModuleException("source: load needs load_path (a docker save tar)");
        Path tar = host.controlFile(loadPath, "files");
        if (!Files.isRegularFile(tar)) throw new ModuleException("Error loading image archive " + tar + ": no such file");
        try {
            return ImageArchive.read(tar);
        } catch (IllegalArgumentException e) {
            // community.docker's words, after the engine found nothing to load in it
            throw new ModuleException("Detected no loaded images. Archive potentially corrupt?");
        }
    }

    /** community.docker's check after a load: the archive must hold {@code reference} (a repo:tag, or the image ID). */
    public void requireHolds(ImageArchive archive) {
        if (archive.repoTags().contains(reference) || archive.imageId().equals(reference)) return;
        java.util.List<String> found = new java.util.ArrayList<>(archive.repoTags().isEmpty() ? List.of(archive.imageId()) : archive.repoTags());
        java.util.Collections.sort(found);
        throw new ModuleException("The archive did not contain image '" + reference + "'. Instead, found "
                + String.join(", ", found.stream().map(f -> "'" + f + "'").toList()) + ".");
    }

    /** Loads, builds or pulls the image; the build's output lines (none for load and pull). */
    public List<String> fetch(DockerEndpoint docker, HostView host) {
        switch (kind) {
            case "load" -> load(host.controlFile(loadPath, "files"), docker);
            case "build" -> {
                return build(docker, host);
            }
            default -> pull(docker);
        }
        return List.of();
    }

    /** Streams the tar from the control node to the host's engine. */
    private static void load(Path tar, DockerEndpoint docker) {
        try (InputStream in = Files.newInputStream(tar)) {
            docker.loadImage(in);
        } catch (IOException e) {
            throw new ModuleException("cannot read " + tar + " on the control node: " + e.getMessage());
        }
    }

    private List<String> build(DockerEndpoint docker, HostView host) {
        if (build == null || build.get("path") == null) throw new ModuleException("source: build needs build.path");
        Path context = host.controlFile(String.valueOf(build.get("path")), "files");
        if (!Files.isDirectory(context)) throw new ModuleException("build.path " + context + " is not a directory on the control node");
        try {
            return docker.buildImage(context, BuildOptions.of(build, reference));
        } catch (io.swarmplay.connection.docker.DockerException e) {
            throw new ModuleException("Error building " + reference + " - " + e.getMessage().replaceFirst("^cannot build an image from \\S+ on \\S+: ", ""));
        }
    }

    private void pull(DockerEndpoint docker) {
        int colon = reference.lastIndexOf(':');
        Map<String, Object> r = registry;
        RegistryAuth auth = r == null ? null : new RegistryAuth(str(r.get("url")), str(r.get("username")), str(r.get("password")));
        docker.pullImage(reference.substring(0, colon), reference.substring(colon + 1), auth);
    }

    public static void tag(DockerEndpoint docker, String imageId, String reference) {
        int colon = reference.lastIndexOf(':');
        boolean tagged = colon > reference.lastIndexOf('/');
        docker.tagImage(imageId, tagged ? reference.substring(0, colon) : reference, tagged ? reference.substring(colon + 1) : "latest");
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
