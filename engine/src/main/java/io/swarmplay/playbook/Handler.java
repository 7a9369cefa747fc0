package io.swarmplay.playbook;

import java.util.List;

/**
 * A task run at the end of a play (or at {@code meta: flush_handlers}) once per notified host.
 *
 * @param task    the module call; for an {@code include_tasks} handler, a stand-in carrying its name and keywords
 * @param roles   the role uses it belongs to, outermost first (empty for a play's own handler):
 *                it runs with their variables and answers to {@code "role : name"} too
 * @param include the {@code include_tasks} the handler runs, or null for a module call
 */
public record Handler(Task task, List<String> listen, List<RoleCall> roles, IncludeTasks include) {

    public Handler {
        listen = List.copyOf(listen);
        roles = List.copyOf(roles);
    }

    public Handler(Task task, List<String> listen) {
        this(task, listen, List.of(), null);
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

    /** This handler as part of the role uses {@code chain}. */
    public Handler inRoles(List<RoleCall> chain) {
        return new Handler(task, listen, chain, include);
    }
}
