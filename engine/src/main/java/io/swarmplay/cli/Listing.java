package io.swarmplay.cli;

import io.swarmplay.inventory.Host;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.playbook.Block;
import io.swarmplay.playbook.IncludeTasks;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.playbook.TaskNode;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code --list-hosts}, {@code --list-tasks} and {@code --list-tags}, in ansible-playbook's layout. Nothing runs. */
final class Listing {

    private final PrintWriter out;
    private final Inventory inventory;
    private final String limit;

    Listing(PrintWriter out, Inventory inventory, String limit) {
        this.out = out;
        this.inventory = inventory;
        this.limit = limit;
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
                if (options.listTasks) tasks(play);
                if (options.listTags) out.println("      TASK TAGS: " + sorted(allTags(play)));
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

    private void tasks(Play play) {
        out.println("    tasks:");
        for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            section.forEach(node -> task(node, play.tags(), "      "));
        }
    }

    private void task(TaskNode node, Set<String> inherited, String indent) {
        Set<String> tags = new TreeSet<>(inherited);
        tags.addAll(node.options().tags());
        if (node instanceof Block block) {
            for (List<TaskNode> part : List.of(block.block(), block.rescue(), block.always())) {
                part.forEach(child -> task(child, tags, indent));
            }
        } else if (node instanceof IncludeTasks include) {
            out.println(indent + "include_tasks: " + include.file() + "\tTAGS: " + sorted(tags));
        } else {
            out.println(indent + node.name() + "\tTAGS: " + sorted(tags));
        }
    }

    private static Set<String> allTags(Play play) {
        Set<String> tags = new TreeSet<>(play.tags());
        for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            section.forEach(node -> collect(node, tags));
        }
        return tags;
    }

    private static void collect(TaskNode node, Set<String> tags) {
        tags.addAll(node.options().tags());
        if (node instanceof Block block) {
            for (List<TaskNode> part : List.of(block.block(), block.rescue(), block.always())) {
                part.forEach(child -> collect(child, tags));
            }
        }
    }

    private static String sorted(Set<String> tags) {
        return new TreeSet<>(tags).toString();
    }
}
