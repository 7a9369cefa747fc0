package io.swarmplay.run;

import io.swarmplay.inventory.Host;
import io.swarmplay.inventory.HostPattern;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.playbook.Block;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.playbook.TaskNode;
import io.swarmplay.source.Suggest;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a run is asked to target, checked before anything runs: the hosts {@code --limit} leaves
 * and the task {@code --start-at-task} starts at. A selection that matches nothing is a usage
 * error with a did-you-mean, as ansible-playbook refuses it, rather than an empty run.
 */
public final class Targets {

    private Targets() {
    }

    /** The usage errors of {@code request}'s {@code --limit} and {@code --start-at-task}; empty when both match. */
    public static List<String> problems(RunRequest request) {
        List<String> problems = new ArrayList<>();
        limitProblem(request.inventory(), request.limit()).ifPresent(problems::add);
        startAtProblem(request.playbooks(), request.startAtTask()).ifPresent(problems::add);
        return problems;
    }

    /** Ansible's "--limit leaves us with no hosts to target", naming the terms that match nothing. */
    static Optional<String> limitProblem(Inventory inventory, String limit) {
        if (limit == null) return Optional.empty();
        HostPattern pattern = HostPattern.parse(limit);
        if (!inventory.select(pattern).isEmpty()) return Optional.empty();
        Set<String> names = new LinkedHashSet<>(inventory.hosts().stream().map(Host::name).toList());
        names.addAll(inventory.groups().keySet());
        StringBuilder message = new StringBuilder("--limit '" + limit + "' leaves no hosts to target");
        for (String term : pattern.unmatchedTerms(inventory)) {
            message.append("; '").append(term).append("' is no host or group of the inventory");
            String hint = Suggest.hint(term, names);
            if (hint != null) message.append(" (").append(hint).append(")");
        }
        return Optional.of(message.toString());
    }

    /**
     * Ansible's {@code No matching task "x" found}: as in Ansible, only tasks written in the
     * playbooks (and their static imports) can be started at; the tasks of a dynamic
     * {@code include_tasks} cannot, since the include itself is skipped with the tasks before.
     */
    static Optional<String> startAtProblem(List<Playbook> playbooks, String startAt) {
        if (startAt == null) return Optional.empty();
        List<String> names = new ArrayList<>();
        for (Playbook playbook : playbooks) {
            for (Play play : playbook.plays()) {
                for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
                    section.forEach(node -> collect(node, names));
                }
            }
        }
        if (names.stream().anyMatch(n -> startsAt(startAt, n))) return Optional.empty();
        // an include's default name (include_tasks) is no likely meaning of a task name
        names.removeIf(n -> n.equals("include_tasks") || n.endsWith(".include_tasks"));
        String hint = Suggest.hint(startAt, new LinkedHashSet<>(names));
        if (hint == null) hint = partOfAName(startAt, names).map(n -> "did you mean '" + n + "'? a part of a name needs a glob, e.g. '*"
                + startAt.strip() + "*'").orElse(null);
        return Optional.of("no matching task \"" + startAt + "\" found for --start-at-task"
                + (hint != null ? " (" + hint + ")" : " (it can start at a task of the playbooks and their static"
                + " imports, not of a dynamic include_tasks)"));
    }

    /**
     * The first task name that holds the typed text, or starts with it but for a typo or two: long
     * task names are often typed in part.
     */
    static Optional<String> partOfAName(String typed, List<String> names) {
        String t = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty()) return Optional.empty();
        int typos = Math.max(1, t.length() / 6);
        for (String name : names) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            if (n.contains(t) || startsNearly(n, t, typos)) return Optional.of(name);
        }
        return Optional.empty();
    }

    // a prefix of name (a letter shorter or longer than typed, for a letter left out or added) within typos edits
    private static boolean startsNearly(String name, String typed, int typos) {
        for (int length = typed.length() - 1; length <= typed.length() + 1; length++) {
            if (length > 0 && length <= name.length() && Suggest.distance(typed, name.substring(0, length)) <= typos) return true;
        }
        return false;
    }

    // the names of the tasks under node: a block's tasks, not the block; an include_tasks itself
    private static void collect(TaskNode node, List<String> names) {
        if (node instanceof Block block) {
            for (List<TaskNode> part : List.of(block.block(), block.rescue(), block.always())) {
                part.forEach(child -> collect(child, names));
            }
        } else if (node.name() != null) {
            names.add(node.name());
        }
    }

    /** Whether the task {@code name} is where {@code --start-at-task glob} starts: the name itself, or a glob match. */
    static boolean startsAt(String glob, String name) {
        if (name.equals(glob)) return true;
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(name));
        } catch (IllegalArgumentException e) {  // a bad glob, or a name no path can hold
            return false;
        }
    }
}
