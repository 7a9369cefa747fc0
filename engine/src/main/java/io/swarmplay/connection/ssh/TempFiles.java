package io.swarmplay.connection.ssh;

import io.swarmplay.connection.ShellQuote;

import java.util.UUID;

/**
 * The temporary files of atomic writes: beside the target, hidden, and named after the sshd process
 * of the connection that writes them, {@code .NAME.swarmplay-PID-RANDOM.tmp}. A write that never
 * finished (the connection dropped, swarmplay was killed) leaves its temp file behind, as no one is
 * left to remove it; the next write to the same target removes those whose sshd process is gone,
 * and leaves alone the one another run is still writing.
 */
final class TempFiles {

    private static final String MARK = ".swarmplay-";

    private TempFiles() {
    }

    /** A hidden, unique name in the same directory as {@code path}, so the final rename is atomic. */
    static String name(String path, long sessionPid) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        String name = path.substring(slash + 1);
        return dir + "." + name + MARK + sessionPid + "-" + UUID.randomUUID().toString().substring(0, 8) + ".tmp";
    }

    /**
     * A POSIX shell snippet that removes the temp files left beside {@code path} by writes whose
     * sshd process no longer exists. Does nothing without Linux's {@code /proc}, where it cannot
     * tell; never fails.
     */
    static String cleanupScript(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "./" : path.substring(0, slash + 1);
        String prefix = ShellQuote.quote(dir + "." + path.substring(slash + 1) + MARK);
        return "if [ -d /proc/self ]; then for f in " + prefix + "*.tmp; do [ -e \"$f\" ] || continue;"
                + " p=${f##*" + MARK + "}; p=${p%%-*}; case $p in ''|*[!0-9]*) continue;; esac;"
                + " [ -d /proc/$p ] || rm -f -- \"$f\"; done; fi";
    }
}
