package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One use of a role: an entry of a play's {@code roles:}, an {@code import_role}, a
 * {@code meta/main.yml} dependency, or a role an {@code include_role} loaded at run time.
 *
 * @param params          role params: the keys of the entry that are not keywords
 *                        ({@code - role: x, port: 80}); they rank above {@code set_fact}
 * @param options         keywords passed down to every task of the role and of its dependencies
 *                        ({@code when}, {@code tags}, {@code become}...); {@code options.vars()}
 *                        is the entry's {@code vars:}
 * @param kind            how the role was named
 * @param allowDuplicates whether a host that already ran this use runs it again
 */
public record RoleCall(Role role, Map<String, Object> params, TaskOptions options, Kind kind,
                       boolean allowDuplicates, SourcePosition at) implements TaskNode {

    /** Where a role use comes from; Ansible treats the vars of each differently. */
    public enum Kind {
        /** An entry of the play's {@code roles:}. */
        PLAY,
        /** A {@code meta/main.yml} dependency. */
        DEPENDENCY,
        /** {@code import_role}: its keywords act as a block's on the role's tasks. */
        IMPORT,
        /** {@code include_role}, loaded when the run reaches it. */
        INCLUDE;

        /** import_role and include_role load roles Ansible marks {@code from_include}. */
        boolean fromInclude() {
            return this == IMPORT || this == INCLUDE;
        }
    }

    public RoleCall {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String name() {
        return role.name();
    }

    /**
     * Ansible's role cache key: uses of the same role with the same params, {@code when},
     * {@code tags}, {@code vars} and files are one role, which runs once per host and play
     * unless duplicates are allowed.
     */
    public String identity() {
        return role.path() + "|" + role.from() + "|" + params + "|" + options.when() + "|" + options.tags() + "|"
                + options.vars() + "|" + kind.fromInclude();
    }
}
