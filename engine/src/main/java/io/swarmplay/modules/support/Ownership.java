package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.util.List;

/** Whether the connecting user may give a file the owner and group asked for (only root may give files away). */
public final class Ownership {

    private Ownership() {
    }

    /**
     * Fails with a clear message unless the user is root, or {@code owner} is the user itself
     * and {@code group} one of its groups (null parts are not asked for).
     */
    public static void requireAllowed(HostView host, String path, String owner, String group) {
        if (owner == null && group == null) return;
        ExecResult id = host.probe(Command.shell("id -u; id -un; id -Gn"));
        List<String> lines = id.stdout().lines().toList();
        if (!id.succeeded() || lines.size() < 3) {
            throw new ModuleException("cannot tell which user runs on " + host.name() + " ('id' failed: " + id.tail(2) + ")");
        }
        if (lines.get(0).strip().equals("0")) return;
        boolean ownerOk = owner == null || owner.equals(lines.get(1).strip());
        boolean groupOk = group == null || List.of(lines.get(2).strip().split("\\s+")).contains(group);
        if (ownerOk && groupOk) return;
        String wanted = owner != null ? "owner " + owner : "group " + group;
        throw new ModuleException("setting " + wanted + " on " + path + " needs root on " + host.name()
                + ", but it runs as " + lines.get(1).strip() + "; connect as root (ansible_user: root) or drop owner/group");
    }
}
