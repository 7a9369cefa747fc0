package io.swarmplay.connection.ssh;

import io.swarmplay.connection.ShellQuote;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The temporary files of atomic writes: beside the target, hidden, and named after the host's
 * process that writes them, {@code .NAME.swarmplay-PID-RANDOM.tmp} — the SFTP server of the
 * connection, or the shell of a write under become — which lives exactly as long as the write can
 * still finish. A write cut off (the connection dropped, swarmplay was killed) leaves its temp file
 * behind, as no one is left to remove it; a later write removes those whose process is gone and
 * leaves alone the one another run is still writing.
 */
final class TempFiles {

    private static final String MARK = ".swarmplay-";
    /** A temp file's name and the pid in it. */
    static final Pattern NAME = Pattern.compile("\\..+\\.swarmplay-(\\d{1,10})-[0-9a-f]{8}\\.tmp");

    private TempFiles() {
    }

    /** A hidden, unique name in the same directory as {@code path}, so the final rename is atomic. */
    static String name(String path, long writerPid) {
        return prefix(path) + writerPid + suffix();
    }

    /** The same as a shell word naming the temp file after the shell itself ({@code $$}). */
    static String shellName(String path) {
        return ShellQuote.quote(prefix(path)) + "$$" + suffix();
    }

    private static String prefix(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + MARK;
    }

    private static String suffix() {
        return "-" + UUID.randomUUID().toString().substring(0, 8) + ".tmp";
    }

    /**
     * A POSIX shell snippet that removes the temp files left beside {@code path} by writes whose
     * writing process no longer exists. Does nothing without Linux's {@code /proc}, where it cannot
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
