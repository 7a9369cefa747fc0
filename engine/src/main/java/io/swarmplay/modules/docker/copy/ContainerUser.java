package io.swarmplay.modules.docker.copy;

import io.swarmplay.connection.docker.ArchiveEntry;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.ModuleException;

import java.nio.charset.StandardCharsets;

/**
 * The user and group IDs a file copied into a container gets when the task names none: those of
 * the container's user ({@code Config.User}), names looked up in the container's
 * {@code /etc/passwd} and {@code /etc/group}. community.docker asks {@code id -u && id -g} in the
 * running container; reading the files gives the same IDs without running anything (the module still
 * requires a running container, as community.docker does).
 *
 * @param uid user ID
 * @param gid group ID
 */
public record ContainerUser(int uid, int gid) {

    /** The IDs of {@code user} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}; empty is root) in container {@code id}. */
    public static ContainerUser of(DockerReader docker, String id, String user) {
        if (user == null || user.isBlank()) return new ContainerUser(0, 0);
        String[] parts = user.split(":", 2);
        String[] passwd = entry(docker, id, "/etc/passwd", parts[0], 2);
        int uid = isNumber(parts[0]) ? Integer.parseInt(parts[0]) : id(passwd, 2, user);
        if (parts.length == 2) {
            int gid = isNumber(parts[1]) ? Integer.parseInt(parts[1]) : id(entry(docker, id, "/etc/group", parts[1], 2), 2, user);
            return new ContainerUser(uid, gid);
        }
        return new ContainerUser(uid, passwd == null ? 0 : Integer.parseInt(passwd[3]));
    }

    private static int id(String[] fields, int index, String user) {
        if (fields == null) throw new ModuleException("cannot determine the user and group ID of user '" + user
                + "' in the container (not in its /etc/passwd or /etc/group): set owner_id and group_id");
        return Integer.parseInt(fields[index]);
    }

    /** The line of {@code file} whose name (or, for a number, ID at {@code idField}) is {@code key}, split at ':'; null if none. */
    private static String[] entry(DockerReader docker, String id, String file, String key, int idField) {
        String text = docker.archiveEntry(id, file).filter(e -> e.type() == ArchiveEntry.Type.FILE)
                .map(e -> new String(e.content(), StandardCharsets.UTF_8)).orElse("");
        for (String line : text.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length > 3 && (fields[0].equals(key) || isNumber(key) && fields[idField].equals(key))) return fields;
        }
        return null;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
