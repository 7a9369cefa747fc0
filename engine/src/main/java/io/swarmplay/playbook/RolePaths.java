package io.swarmplay.playbook;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directories of the roles playbooks use, in the order Ansible 2.14 loads them (and so adds
 * their plugin folders to its search path): per play, its {@code roles:}, then its tasks'
 * {@code import_role}s; a role's dependencies before the role, the roles it imports after it. An
 * {@code include_role} with a literal name counts where it stands (Ansible adds it when the run
 * reaches it); one with a templated name is not known before the run.
 */
public final class RolePaths {

    private RolePaths() {
    }

    public static List<Path> of(List<Playbook> playbooks) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Playbook playbook : playbooks) {
            for (Play play : playbook.plays()) {
                walk(play.tasks(), dirs);
                walk(play.preTasks(), dirs);
                walk(play.postTasks(), dirs);
            }
        }
        return List.copyOf(dirs);
    }

    private static void walk(List<TaskNode> nodes, Set<Path> dirs) {
        for (TaskNode node : nodes) {
            if (node instanceof RoleCall call) {
                role(call.role(), dirs);
            } else if (node instanceof Block block) {
                walk(block.block(), dirs);
                walk(block.rescue(), dirs);
                walk(block.always(), dirs);
            } else if (node instanceof IncludeRole include && !Templates.isTemplated(include.role())) {
                include.search().find(include.role()).ifPresent(dirs::add);
            }
        }
    }

    private static void role(Role role, Set<Path> dirs) {
        if (dirs.contains(role.path())) return;
        for (RoleCall dep : role.dependencies()) role(dep.role(), dirs);
        dirs.add(role.path());
        walk(role.tasks(), dirs);
    }
}
