package io.swarmplay.connection.local;

import java.nio.file.Path;

/** Host paths as the local connection reads them: a leading {@code ~} is the user's home. */
final class LocalPaths {

    private LocalPaths() {
    }

    static String expand(String path) {
        if (path.equals("~")) return System.getProperty("user.home");
        if (path.startsWith("~/")) return System.getProperty("user.home") + path.substring(1);
        return path;
    }

    static Path of(String path) {
        return Path.of(expand(path));
    }
}
