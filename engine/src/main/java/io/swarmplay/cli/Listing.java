package io.swarmplay.cli;

import io.swarmplay.inventory.Host;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.playbook.Block;
import io.swarmplay.playbook.IncludeRole;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.playbook.RoleCall;
import io.swarmplay.playbook.TaskNode;
import io.swarmplay.run.TagSelection;
import io.swarmplay.template.TemplateException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --list-hosts}, {@code --list-tasks} and {@code --list-tags}, in ansible-playbook's layout.
 * Nothing runs. Tasks are listed as a run would select them: templated tags rendered with the
 * play's variables and extra vars, then {@code --tags}/{@code --skip-tags} (a {@code never} task
 * is not listed unless asked for); the task tags are those of the listed tasks.
 */
final class Listing {

    private final PrintWriter out;
    private final Inventory inventory;
    private final String limit;
    private final Map<String, Object> extraVars;
    private final TagSelection selection;

    Listing(PrintWriter out, Inventory inventory, String limit, Map<String, Object> extraVars, TagSelection selection) {
        this.out = out;
        this.inventory = inventory;
        this.limit = limit;
        this.extraVars = extraVars;
        this.selection = selection;
    }

    /** One listed task: its name and its tags (the play's, its blocks' and its own, rendered). */
    private record Listed(String name, Set<String> tags) {
    }

    void print(List<Playbook> playbooks, SwarmplayCommand options) {
        for (Playbook playbook : playbooks) {
            out.println();
            out.println("playbook: " + playbook.file());
            int n = 0;
            for (Play play : playbook.plays()) {
                out.println();
                out.println("  play #" + ++n + " (" + play.hosts() + "): " + play.name() + "\tTAGS: " + sorted(play.tags()));
                if (options.listHosts) hosts(play);
                List<Listed> tasks = tasks(play);
                if (options.listTasks) {
                    out.println("    tasks:");
                    tasks.forEach(t -> out.println("      " + t.name() + "\tTAGS: " + sorted(t.tags())));
                }
                if (options.listTags) out.println("      TASK TAGS: " + sorted(allTags(tasks)));
            }
        }
        out.flush();
    }

    private void hosts(Play play) {
        List<Host> hosts = inventory.select(play.hosts());
        if (limit != null) {
            Set<String> limited = new TreeSet<>(inventory.select(limit).stream().map(Host::name).toList());
            hosts = hosts.stream().filter(h -> limited.contains(h.name())).toList();
        }
        out.println("    pattern: ['" + play.hosts() + "']");
        out.println("    hosts (" + hosts.size() + "):");
        for (Host host : hosts) out.println("      " + host.name());
    }

    /** The tasks a run would select, in order. */
    private List<Listed> tasks(Play play) {
        Map<String, Object> vars = TagSelection.playVars(play, extraVars);
        List<Listed> listed = new ArrayList<>();
        for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            section.forEach(node -> collect(node, play.tags(), vars, listed));
        }
        return listed;
    }

    private void collect(TaskNode node, Set<String> inherited, Map<String, Object> vars, List<Listed> listed) {
        collect(node, inherited, vars, listed, null);
    }

    // a role's dependencies and tasks are listed as Ansible does: `role : task`
    private void collect(TaskNode node, Set<String> inherited, Map<String, Object> vars, List<Listed> listed, String role) {
        Set<String> tags = new TreeSet<>(inherited);
        tags.addAll(rendered(node, vars));
        if (node instanceof Block block) {
            for (List<TaskNode> part : List.of(block.block(), block.rescue(), block.always())) {
                part.forEach(child -> collect(child, tags, vars, listed, role));
            }
        } else if (node instanceof RoleCall call) {
            call.role().dependencies().forEach(dep -> collect(dep, tags, vars, listed, call.name()));
            call.role().tasks().forEach(child -> collect(child, tags, vars, listed, call.name()));
        } else if (selection.selects(tags)) {
            listed.add(new Listed(role == null || node instanceof IncludeRole ? node.name() : role + " : " + node.name(), tags));
        }
    }

    // a tag that cannot be rendered here (it needs a host's variables) is listed as written
    private Set<String> rendered(TaskNode node, Map<String, Object> vars) {
        try {
            return selection.render(node.options().tags(), vars, node.at());
        } catch (TemplateException e) {
            return node.options().tags();
        }
    }

    private static Set<String> allTags(List<Listed> tasks) {
        Set<String> tags = new TreeSet<>();
        tasks.forEach(t -> tags.addAll(t.tags()));
        return tags;
    }

    private static String sorted(Set<String> tags) {
        return new TreeSet<>(tags).toString();
    }
}
