package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

import java.util.Map;

/**
 * {@code include_role}: the role is found and loaded when the run reaches the task, per host
 * and loop item (its name and files may be templated).
 *
 * @param role            the role's name as written (may hold {@code {{ }}})
 * @param from            {@code tasks_from}, {@code vars_from}, {@code defaults_from},
 *                        {@code handlers_from} as written, by kind ({@code tasks}, ...)
 * @param apply           keywords passed down to the role's tasks ({@code apply:}); the include's
 *                        own keywords act on the include alone
 * @param isPublic        {@code public}: the role's defaults and vars stay visible to the rest of the play
 * @param allowDuplicates {@code allow_duplicates} (default true)
 * @param search          where the role is looked for
 */
public record IncludeRole(String name, String role, Map<String, String> from, TaskOptions apply, boolean isPublic,
                          boolean allowDuplicates, RoleSearch search, TaskOptions options, SourcePosition at,
                          ModuleDefaults moduleDefaults)
        implements TaskNode {

    public IncludeRole {
        from = Map.copyOf(from);
        moduleDefaults = moduleDefaults == null ? ModuleDefaults.NONE : moduleDefaults;
    }
}
