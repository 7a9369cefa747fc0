package io.swarmplay.playbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role as read from its directory ({@code tasks/}, {@code handlers/}, {@code defaults/},
 * {@code vars/}, {@code meta/main.yml}). Values are raw, rendered when a task reads them.
 *
 * @param name            the name Ansible shows ({@code TASK [name : task]}); the directory's name
 *                        when the role was named by a path
 * @param path            the role's directory ({@code role_path})
 * @param from            the {@code tasks_from}/{@code vars_from}/... files it was loaded with, by
 *                        kind ({@code tasks}, {@code vars}, ...); empty for the {@code main} files
 * @param defaults        {@code defaults/main}: the lowest precedence of all variables
 * @param vars            {@code vars/main}
 * @param tasks           {@code tasks/main}
 * @param handlers        {@code handlers/main}
 * @param dependencies    {@code meta/main.yml} dependencies, in order
 * @param allowDuplicates {@code meta/main.yml allow_duplicates}
 */
public record Role(String name, Path path, Map<String, String> from, Map<String, Object> defaults,
                   Map<String, Object> vars, List<TaskNode> tasks, List<Handler> handlers,
                   List<RoleCall> dependencies, boolean allowDuplicates) {

    public Role {
        from = Map.copyOf(from);
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        tasks = List.copyOf(tasks);
        handlers = List.copyOf(handlers);
        dependencies = List.copyOf(dependencies);
    }

    /** Every dependency, depth first, each after its own (Ansible's {@code get_all_dependencies}). */
    public List<RoleCall> allDependencies() {
        List<RoleCall> all = new ArrayList<>();
        for (RoleCall dep : dependencies) {
            all.addAll(dep.role().allDependencies());
            all.add(dep);
        }
        return all;
    }
}
