package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;

import java.util.ArrayList;
import java.util.List;

/** The {@code chown}/{@code chmod} commands that give a path its owner, group and mode. */
public final class Attributes {

    private Attributes() {
    }

    /**
     * Commands for the parts that are not null, owner first (chown clears set-id bits, so the mode
     * goes last). {@code recurse} applies them to everything below a directory.
     */
    public static List<Command> fixes(String path, Integer mode, String owner, String group, boolean recurse) {
        List<Command> commands = new ArrayList<>();
        if (owner != null || group != null) {
            String spec = (owner == null ? "" : owner) + (group == null ? "" : ":" + group);
            commands.add(recurse ? Command.of("chown", "-R", spec, path) : Command.of("chown", spec, path));
        }
        if (mode != null) {
            String octal = FileMode.format(mode);
            commands.add(recurse ? Command.of("chmod", "-R", octal, path) : Command.of("chmod", octal, path));
        }
        return commands;
    }
}
