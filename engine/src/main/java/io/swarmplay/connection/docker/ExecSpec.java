package io.swarmplay.connection.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A process to run in a container with {@code docker exec}. There is no standard input:
 * docker-java's httpclient5 transport never delivers EOF on an exec's stdin, so a reading
 * process would hang (docker-java issues #1684, #1552).
 *
 * @param timeout how long to wait for it, or null for no limit
 */
public record ExecSpec(List<String> argv, Map<String, String> env, String user, String workdir, Duration timeout) {

    public ExecSpec {
        argv = List.copyOf(argv);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public static ExecSpec of(List<String> argv) {
        return new ExecSpec(argv, Map.of(), null, null, null);
    }
}
