package io.swarmplay.modules.docker;

import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.ImageArchive;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code docker_image}'s {@code archive_path}: a {@code docker save} tar on the host, kept when it already holds the image. */
final class ImageArchives {

    private ImageArchives() {
    }

    /** Whether the tar at {@code path} on the host holds image {@code id} tagged {@code reference}. */
    static boolean holds(HostView host, String path, String id, String reference) {
        if (host.stat(path).isEmpty()) return false;
        Path copy = null;
        try {
            copy = Files.createTempFile("swarmplay-archive", ".tar");
            Files.write(copy, host.read(path));
            ImageArchive archive = ImageArchive.read(copy);
            return archive.imageId().equals(id) && archive.repoTags().contains(reference);
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (copy != null) copy.toFile().delete();
        }
    }

    static void save(DockerEndpoint docker, HostSession host, String reference, String path) {
        try {
            Path tar = Files.createTempFile("swarmplay-save", ".tar");
            try {
                try (var out = Files.newOutputStream(tar)) {
                    docker.saveImage(reference, out);
                }
                try (var in = Files.newInputStream(tar)) {
                    host.write(path, in, FileAttrs.DEFAULT);
                }
            } finally {
                Files.deleteIfExists(tar);
            }
        } catch (IOException e) {
            throw new ModuleException("cannot archive " + reference + " to " + path + ": " + e.getMessage());
        }
    }
}
