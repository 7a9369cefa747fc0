package io.swarmplay.connection.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A process to run in a container with {@code docker exec}.
 *
 * @param timeout how long to wait for it, or null for no limit
 * @param stdin   bytes for its standard input, followed by end-of-file; null for none. docker-java's
 *                transport never delivers end-of-file on an exec's stdin (docker-java #1684, #1552),
 *                so such an exec runs over a connection of our own ({@link HijackedExec})
 * @param tty     allocate a pseudo-TTY (output then comes as one stream, stdout)
 */
public record ExecSpec(List<String> argv, Map<String, String> env, String user, String workdir, Duration timeout,
                       byte[] stdin, boolean tty) {

    public ExecSpec {
        argv = List.copyOf(argv);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public ExecSpec(List<String> argv, Map<String, String> env, String user, String workdir, Duration timeout) {
        this(argv, env, user, workdir, timeout, null, false);
    }

    public static ExecSpec of(List<String> argv) {
        return new ExecSpec(argv, Map.of(), null, null, null);
    }
}
