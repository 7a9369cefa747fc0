package io.swarmplay.playbook;

import java.util.List;

/**
 * A task run at the end of a play (or at {@code meta: flush_handlers}) once per notified host.
 *
 * @param task    the module call; for an {@code include_tasks} handler, a stand-in carrying its name and keywords
 * @param roles   the role uses it belongs to, outermost first (empty for a play's own handler):
 *                it runs with their variables and answers to {@code "role : name"} too
 * @param include the {@code include_tasks} the handler runs, or null for a module call
 * @param blocks  the keywords of the blocks the handler was written in, outermost first
 * @param group   which of its list's blocks Ansible reads it in: handlers written one after another share
 *                one (implicit) block, each {@code block:} entry is its own; of handlers of one name,
 *                Ansible's lookup takes the first of the last block that has one
 */
public record Handler(Task task, List<String> listen, List<RoleCall> roles, IncludeTasks include,
                      List<TaskOptions> blocks, int group) {

    /** Ansible's parse error for a block inside a handler's block. */
    public static final String NESTED_BLOCK = "Using a block as a handler is not supported.";

    public Handler {
        listen = List.copyOf(listen);
        roles = List.copyOf(roles);
        blocks = List.copyOf(blocks);
    }

    public Handler(Task task, List<String> listen) {
        this(task, listen, List.of(), null, List.of(), 0);
    }

    public Handler(Task task, List<String> listen, List<RoleCall> roles, IncludeTasks include) {
        this(task, listen, roles, include, List.of(), 0);
    }

    /** This handler written inside blocks with the keywords {@code enclosing} (outermost first). */
    public Handler under(List<TaskOptions> enclosing) {
        List<TaskOptions> all = new java.util.ArrayList<>(enclosing);
        all.addAll(blocks);
        return new Handler(task, listen, roles, include, all, group);
    }

    /** True when {@code notify: topic} names this handler, one of its listen topics, or {@code "role : name"}. */
    public boolean answersTo(String topic) {
        return namedAs(topic) || listen.contains(topic);
    }

    /** True when {@code topic} is this handler's name, or {@code "role : name"}. */
    public boolean namedAs(String topic) {
        if (topic.equals(task.name())) return true;
        return !roles.isEmpty() && topic.equals(roles.get(roles.size() - 1).name() + " : " + task.name());
    }

    /** True when this handler {@code listen}s to {@code topic}. */
    public boolean listensTo(String topic) {
        return listen.contains(topic);
    }

    /** This handler under another name (its name rendered). */
    public Handler named(String name) {
        Task t = new Task(name, task.module(), task.args(), task.options(), task.at(), task.argsAt());
        return new Handler(t, listen, roles, include, blocks, group);
    }

    /** This handler as part of the role uses {@code chain}. */
    public Handler inRoles(List<RoleCall> chain) {
        return new Handler(task, listen, chain, include, blocks, group);
    }

    /** This handler in block {@code n} of its list. */
    Handler inGroup(int n) {
        return new Handler(task, listen, roles, include, blocks, n);
    }

    /** True when both were read in the same block of the same list (the play's, or one role use's). */
    public boolean sameGroup(Handler other) {
        if (group != other.group || roles.size() != other.roles.size()) return false;
        return roles.isEmpty() || roles.get(roles.size() - 1) == other.roles.get(other.roles.size() - 1);
    }

    /** Where a block sits inside a block of handler entries {@code nodes} (handlers allow one level), or null. */
    public static io.swarmplay.source.SourcePosition nestedBlock(List<TaskNode> nodes) {
        for (TaskNode node : nodes) {
            if (!(node instanceof Block block)) continue;
            for (TaskNode inner : block.block()) {
                if (inner instanceof Block nested) return nested.at();
            }
        }
        return null;
    }
}
