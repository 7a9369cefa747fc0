package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.HostView;

import java.util.Optional;

/** Users and groups of a host, read with {@code getent} (what {@code user} and {@code group} compare against). */
public final class Accounts {

    /** One {@code passwd} entry. */
    public record User(String name, long uid, long gid, String comment, String home, String shell) {
    }

    /** One {@code group} entry; {@code members} as listed after the last colon. */
    public record Group(String name, long gid, String members) {
    }

    private Accounts() {
    }

    public static Optional<User> user(HostView host, String name) {
        return entry(host, "passwd", name, 7).map(f -> new User(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4],
                f[5], f[6]));
    }

    public static Optional<Group> group(HostView host, String nameOrId) {
        return entry(host, "group", nameOrId, 4).map(f -> new Group(f[0], Long.parseLong(f[2]), f[3]));
    }

    private static Optional<String[]> entry(HostView host, String database, String key, int fields) {
        ExecResult result = host.probe(Command.of("getent", database, key));
        if (!result.succeeded() || result.stdoutTrimmed().isEmpty()) return Optional.empty();
        String[] f = result.stdoutTrimmed().lines().findFirst().orElse("").split(":", -1);
        return f.length < fields ? Optional.empty() : Optional.of(f);
    }
}
