package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ContainerSpec;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.ImageInfo;
import io.swarmplay.connection.docker.MountSpec;
import io.swarmplay.connection.docker.TarFile;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code files:} of a {@code docker_volume}: each {@code {dest, content|src, mode}} with
 * {@code dest} relative to the volume's root. They are compared by SHA-256 through the volume's
 * mountpoint on the host, and written through a helper container that is created, never started
 * (the engine mounts volumes for archive operations), then removed.
 */
public final class VolumeFiles {

    private static final String MOUNT = "/swarmplay-volume";

    private final List<TarFile> files;

    private VolumeFiles(List<TarFile> files) {
        this.files = files;
    }

    public static VolumeFiles of(List<Object> specs, HostView host) {
        List<TarFile> files = new ArrayList<>();
        if (specs != null) {
            for (Object spec : specs) {
                Map<String, Object> m = Specs.map(spec, "files");
                String dest = Specs.required(m, "dest", "files").replaceFirst("^/+", "");
                if (dest.contains("..")) throw new ModuleException("files: dest '" + dest + "' must stay inside the volume");
                files.add(new TarFile(dest, ContainerLifecycle.content(m, host), Specs.mode(m.get("mode"), 0644)));
            }
        }
        return new VolumeFiles(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** {@code " with 2 files"} or nothing. */
    public String describe() {
        return files.isEmpty() ? "" : " with " + files.size() + (files.size() == 1 ? " file" : " files");
    }

    public String upToDate() {
        return files.isEmpty() ? "" : " and its " + files.size() + (files.size() == 1 ? " file is" : " files are") + " up to date";
    }

    /** The files whose content (or presence) differs inside the volume. */
    public List<String> differing(String mountpoint, HostView host) {
        List<String> stale = new ArrayList<>();
        for (TarFile f : files) {
            String actual = host.sha256(mountpoint + "/" + f.path()).orElse(null);
            boolean same = ConfigHash.of(f.content()).equals(actual)
                    && host.stat(mountpoint + "/" + f.path()).map(s -> (s.mode() & 07777) == f.mode()).orElse(false);
            if (!same) stale.add(f.path());
        }
        return stale;
    }

    /** Writes every file into {@code volume} through a created-never-started helper container. */
    public void put(String volume, String helperImage, DockerEndpoint docker, HostView host) {
        String image = helperImage != null ? helperImage : firstImage(docker, volume);
        String name = "swarmplay-helper-" + UUID.randomUUID().toString().substring(0, 8);
        ContainerSpec spec = new ContainerSpec(name, image, List.of("/swarmplay-never-started"), null, null,
                Map.of("io.swarmplay.helper", "true"), null, null, null, null,
                List.of(new MountSpec("volume", volume, MOUNT, false)), null, "none", null, false, false, null, false,
                null, null, null, null);
        String id = docker.createContainer(spec);
        try {
            docker.copyIn(id, MOUNT, files);
        } finally {
            docker.removeContainer(id, true);
        }
    }

    private static String firstImage(DockerEndpoint docker, String volume) {
        List<ImageInfo> images = docker.listImages();
        if (images.isEmpty()) {
            throw new ModuleException("cannot put files into volume " + volume + ": the host has no image for the helper "
                    + "container; load one with docker_image or give helper_image");
        }
        ImageInfo first = images.get(0);
        return first.repoTags().isEmpty() || first.repoTags().get(0).contains("<none>") ? first.id() : first.repoTags().get(0);
    }
}
