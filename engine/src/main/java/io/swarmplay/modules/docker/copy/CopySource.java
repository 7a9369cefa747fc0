package io.swarmplay.modules.docker.copy;

import io.swarmplay.connection.FileStat;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What {@code docker_container_copy_into} writes: a regular file's bytes or a symbolic link's
 * target, with the mode to give it and the header its diff shows.
 *
 * @param link   true for a symbolic link (a local link with {@code local_follow: false})
 * @param bytes  a file's content
 * @param target a link's target, else null
 * @param mode   permission bits
 * @param header the diff's {@code after_header}: the local path, or {@code dynamically generated}
 */
public record CopySource(boolean link, byte[] bytes, String target, int mode, String header) {

    private static final int MAX_LINKS = 40;

    /** {@code content} (Base64-decoded with {@code content_is_b64}); {@code mode} is required with it. */
    public static CopySource content(String content, boolean base64, int mode) {
        byte[] bytes;
        try {
            bytes = base64 ? Base64.getMimeDecoder().decode(content) : content.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ModuleException("Cannot Base64 decode the content option: " + e.getMessage());
        }
        return new CopySource(false, bytes, null, mode, "dynamically generated");
    }

    /** The file at {@code path} on the host, links followed when {@code follow}; its own mode when {@code mode} is null. */
    public static CopySource file(HostView host, String path, boolean follow, Integer mode) {
        String at = path;
        FileStat stat = stat(host, path, at);
        for (int hops = 0; follow && stat.type() == FileStat.Type.LINK; hops++) {
            if (hops == MAX_LINKS) throw new ModuleException("Too many levels of symbolic links: " + path);
            at = resolve(at, stat.target());
            stat = stat(host, path, at);
        }
        int bits = mode != null ? mode : stat.mode();
        if (stat.type() == FileStat.Type.LINK) return new CopySource(true, new byte[0], stat.target(), bits, path);
        if (stat.type() != FileStat.Type.FILE) {
            throw new ModuleException("Local path " + path + " is not a symbolic link or file");
        }
        return new CopySource(false, host.read(at), null, bits, path);
    }

    private static FileStat stat(HostView host, String path, String at) {
        return host.stat(at).orElseThrow(() -> new ModuleException("Cannot find local file " + path));
    }

    /** {@code target} of a link at {@code link}, as a path. */
    static String resolve(String link, String target) {
        if (target.startsWith("/")) return target;
        int slash = link.lastIndexOf('/');
        return (slash <= 0 ? "/" : link.substring(0, slash + 1)) + target;
    }

    public long size() {
        return link ? target.length() : bytes.length;
    }
}
