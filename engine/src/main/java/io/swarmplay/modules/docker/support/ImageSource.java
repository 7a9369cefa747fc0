package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.ImageArchive;
import io.swarmplay.connection.docker.RegistryAuth;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.modules.docker.DockerImageModule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where {@code docker_image} gets an image from: a saved tar, a build context, or a registry. */
public final class ImageSource {

    private ImageSource() {
    }

    /** The archive named by {@code load_path} (found like {@code copy: src}, under files/). */
    public static ImageArchive archive(DockerImageModule.Args args, HostView host) {
        if (args.load_path() == null) throw new ModuleException("source: load needs load_path (a docker save tar)");
        try {
            return ImageArchive.read(host.controlFile(args.load_path(), "files"));
        } catch (IllegalArgumentException e) {
            throw new ModuleException(e.getMessage());
        }
    }

    public static void fetch(String source, DockerImageModule.Args args, DockerEndpoint docker, HostView host) {
        switch (source) {
            case "load" -> load(host.controlFile(args.load_path(), "files"), docker);
            case "build" -> build(args, docker, host);
            default -> pull(args, docker);
        }
    }

    /** Streams the tar from the control node to the host's engine. */
    private static void load(Path tar, DockerEndpoint docker) {
        try (InputStream in = Files.newInputStream(tar)) {
            docker.loadImage(in);
        } catch (IOException e) {
            throw new ModuleException("cannot read " + tar + " on the control node: " + e.getMessage());
        }
    }

    private static void build(DockerImageModule.Args args, DockerEndpoint docker, HostView host) {
        if (args.build() == null || args.build().get("path") == null) throw new ModuleException("source: build needs build.path");
        Path context = host.controlFile(String.valueOf(args.build().get("path")), "files");
        if (!Files.isDirectory(context)) throw new ModuleException("build.path " + context + " is not a directory on the control node");
        Map<String, String> buildArgs = new LinkedHashMap<>();
        if (args.build().get("args") instanceof Map<?, ?> m) m.forEach((k, v) -> buildArgs.put(String.valueOf(k), String.valueOf(v)));
        Object dockerfile = args.build().get("dockerfile");
        docker.buildImage(context, dockerfile == null ? null : dockerfile.toString(), buildArgs, List.of(args.reference()));
    }

    private static void pull(DockerImageModule.Args args, DockerEndpoint docker) {
        String ref = args.reference();
        int colon = ref.lastIndexOf(':');
        Map<String, Object> r = args.registry();
        RegistryAuth auth = r == null ? null : new RegistryAuth(str(r.get("url")), str(r.get("username")), str(r.get("password")));
        docker.pullImage(ref.substring(0, colon), ref.substring(colon + 1), auth);
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
