package io.swarmplay.modules.support;

import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files on the control node that modules read ({@code copy: src}, {@code template: src}). */
public final class ControlFiles {

    private ControlFiles() {
    }

    /** The resolved path of {@code src}, which must be a regular file. */
    public static Path find(HostView host, String src, String kind) {
        Path path = host.controlFile(src, kind);
        if (path == null || !Files.exists(path)) {
            throw new ModuleException("could not find src '" + src + "' on the control node (looked in " + kind
                    + "/ next to the playbook, then the playbook directory)");
        }
        if (!Files.isRegularFile(path)) {
            throw new ModuleException("src '" + src + "' is a directory; copying directories is not supported, give a file");
        }
        return path;
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ModuleException("cannot read " + path + " on the control node: " + e.getClass().getSimpleName());
        }
    }
}
