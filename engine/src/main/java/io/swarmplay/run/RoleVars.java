package io.swarmplay.run;

import io.swarmplay.playbook.Block;
import io.swarmplay.playbook.RoleCall;
import io.swarmplay.playbook.TaskNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables roles bring, as Ansible 2.14 computes them for a task in a chain of role uses
 * (outermost first, the task's own role last): defaults (the lowest precedence), vars (above
 * {@code vars_files}, below block vars) and params (above {@code set_fact}), and the magic
 * variables {@code role_name}, {@code role_path} and the parent roles'. Sources combine as
 * {@code hash_behaviour} says (Ansible's {@code combine_vars}).
 */
final class RoleVars {

    private RoleVars() {
    }

    /** {@code Role.get_default_vars(dep_chain)}: the dependencies', the chain's, then the role's own defaults. */
    static Map<String, Object> defaults(List<RoleCall> chain, io.swarmplay.vars.HashBehaviour hash) {
        Map<String, Object> vars = new LinkedHashMap<>();
        RoleCall role = chain.get(chain.size() - 1);
        for (RoleCall dep : role.role().allDependencies()) hash.putAll(vars, defaults(List.of(dep), hash));
        for (RoleCall parent : chain) hash.putAll(vars, parent.role().defaults());
        return vars;
    }

    /** {@code Role.get_vars(dep_chain, include_params=False)}: the chain's, the dependencies', then the role's own. */
    static Map<String, Object> vars(List<RoleCall> chain, io.swarmplay.vars.HashBehaviour hash) {
        Map<String, Object> vars = new LinkedHashMap<>();
        RoleCall role = chain.get(chain.size() - 1);
        for (RoleCall parent : chain) {
            hash.putAll(vars, parent.options().vars());
            hash.putAll(vars, parent.role().vars());
        }
        for (RoleCall dep : role.role().allDependencies()) hash.putAll(vars, vars(List.of(dep), hash));
        hash.putAll(vars, role.options().vars());
        hash.putAll(vars, role.role().vars());
        return vars;
    }

    /** {@code Role.get_role_params(dep_chain)}: the chain's params, the role's own last. */
    static Map<String, Object> params(List<RoleCall> chain, io.swarmplay.vars.HashBehaviour hash) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (RoleCall call : chain) hash.putAll(vars, call.params());
        return vars;
    }

    /** {@code role_name}, {@code role_path} and the names and paths of the roles that included this one. */
    static Map<String, Object> magic(List<RoleCall> chain) {
        Map<String, Object> magic = new LinkedHashMap<>();
        RoleCall role = chain.get(chain.size() - 1);
        magic.put("role_name", role.name());
        magic.put("ansible_role_name", role.name());
        magic.put("role_path", role.role().path().toString());
        List<String> parentNames = new ArrayList<>();
        List<String> parentPaths = new ArrayList<>();
        for (int i = chain.size() - 2; i >= 0; i--) {
            parentNames.add(chain.get(i).name());
            parentPaths.add(chain.get(i).role().path().toString());
        }
        if (!parentNames.isEmpty()) {
            magic.put("ansible_parent_role_names", parentNames);
            magic.put("ansible_parent_role_paths", parentPaths);
        }
        return magic;
    }

    /**
     * Ansible's {@code ansible_search_path} for a task: the role chain's directories (innermost
     * first), the directory of the task's file, then the playbook's directory.
     */
    static List<Path> searchPath(List<RoleCall> chain, Path taskFile, Path playbookDir) {
        List<Path> paths = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) paths.add(chain.get(i).role().path());
        Path taskDir = taskFile == null ? null : taskFile.toAbsolutePath().normalize().getParent();
        if (taskDir != null && !paths.contains(taskDir)) paths.add(taskDir);
        Path base = playbookDir.toAbsolutePath().normalize();
        if (!paths.contains(base)) paths.add(base);
        return paths;
    }

    /** The play's role uses ({@code roles:} and {@code import_role}), in order, looking into blocks. */
    static List<RoleCall> playRoles(List<TaskNode> nodes) {
        List<RoleCall> roles = new ArrayList<>();
        for (TaskNode node : nodes) {
            if (node instanceof RoleCall call && call.kind() != RoleCall.Kind.DEPENDENCY) {
                roles.add(call);
                roles.addAll(playRoles(call.role().tasks()));
            }
            if (node instanceof Block block) {
                for (List<TaskNode> part : List.of(block.block(), block.rescue(), block.always())) roles.addAll(playRoles(part));
            }
        }
        return roles;
    }

    /** Names of the roles the play names ({@code ansible_play_role_names}) and of all their dependencies. */
    static Map<String, Object> playMagic(List<RoleCall> playRoles) {
        List<String> names = new ArrayList<>();
        List<String> dependencies = new ArrayList<>();
        for (RoleCall call : playRoles) {
            if (!names.contains(call.name())) names.add(call.name());
            for (RoleCall dep : call.role().allDependencies()) if (!dependencies.contains(dep.name())) dependencies.add(dep.name());
        }
        List<String> all = new ArrayList<>(names);
        dependencies.stream().filter(d -> !all.contains(d)).forEach(all::add);
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("ansible_play_role_names", names);
        magic.put("role_names", names);
        magic.put("ansible_dependent_role_names", dependencies);
        magic.put("ansible_role_names", all);
        return magic;
    }
}
