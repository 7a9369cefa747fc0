package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostView;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a path's mode, owner and group with what a task asks for, and plans the
 * {@code chmod}/{@code chown} that fix them; for {@code recurse} it asks {@code find} on the host
 * whether anything below differs.
 */
public final class AttributeCheck {

    /** The wanted attributes; {@code mode} as written by the user, null parts are not managed. */
    public record Wanted(String path, Object mode, String owner, String group) {
    }

    private AttributeCheck() {
    }

    /** UPDATE with the fixing commands as payload when something differs, else NONE naming {@code kind}. */
    public static Change compare(Wanted want, FileStat stat, String kind, HostView host) {
        Integer mode = FileMode.parse(want.mode(), stat.mode(), stat.isDirectory());
        Integer newMode = mode != null && mode != stat.mode() ? mode : null;
        String owner = want.owner() != null && !want.owner().equals(stat.owner()) ? want.owner() : null;
        String group = want.group() != null && !want.group().equals(stat.group()) ? want.group() : null;
        List<String> what = new ArrayList<>();
        if (newMode != null) what.add("mode " + stat.modeOctal() + " → " + FileMode.format(newMode));
        if (owner != null) what.add("owner " + stat.owner() + " → " + owner);
        if (group != null) what.add("group " + stat.group() + " → " + group);
        if (what.isEmpty()) {
            return Change.none(want.path() + " is already a " + kind + (mode == null ? "" : " with mode " + FileMode.format(mode)));
        }
        Ownership.requireAllowed(host, want.path(), owner, group);
        return Change.update("update " + want.path() + ": " + String.join(", ", what))
                .withPayload(Attributes.fixes(want.path(), newMode, owner, group, false));
    }

    /**
     * For {@code recurse: true}: UPDATE when anything at or below the path differs (found by
     * {@code find ... -print -quit} on the host), else NONE. A relative symbolic mode
     * ({@code u+x}) cannot be checked with {@code find} and is always applied.
     */
    public static Change compareTree(Wanted want, HostView host) {
        Integer mode = absoluteMode(want.mode());
        List<Command> fixes = Attributes.fixes(want.path(), want.mode() == null ? null : mode, want.owner(), want.group(), true);
        if (want.mode() != null && mode == null) {
            Ownership.requireAllowed(host, want.path(), want.owner(), want.group());
            List<Command> symbolic = new ArrayList<>(fixes);
            symbolic.add(Command.of("chmod", "-R", want.mode().toString(), want.path()));
            return Change.update("apply mode " + want.mode() + " to everything under " + want.path()
                    + " (a relative mode cannot be checked in advance)").withPayload(symbolic);
        }
        List<String> find = new ArrayList<>(List.of("find", want.path(), "("));
        if (mode != null) addTest(find, "-perm", FileMode.format(mode));
        if (want.owner() != null) addTest(find, "-user", want.owner());
        if (want.group() != null) addTest(find, "-group", want.group());
        if (find.size() == 3) return Change.none(want.path() + " is already a directory (recurse: nothing to set)");
        find.addAll(List.of(")", "-print", "-quit"));
        ExecResult found = host.probe(Command.of(find));
        if (found.succeeded() && found.stdoutTrimmed().isEmpty()) {
            return Change.none(want.path() + " and everything below it already have the requested attributes");
        }
        Ownership.requireAllowed(host, want.path(), want.owner(), want.group());
        return Change.update("set attributes of everything under " + want.path() + " (e.g. "
                + found.stdoutTrimmed() + " differs)").withPayload(fixes);
    }

    private static void addTest(List<String> find, String test, String value) {
        if (find.size() > 3) find.add("-o");
        find.addAll(List.of("!", test, value));
    }

    /** The mode when it does not depend on what is there (octal, or only {@code =} clauses without X); else null. */
    private static Integer absoluteMode(Object mode) {
        if (mode == null) return null;
        String text = mode.toString();
        if (!(mode instanceof Number) && (text.contains("+") || text.contains("-") || text.contains("X"))) return null;
        return FileMode.parse(mode, 0, true);
    }
}
