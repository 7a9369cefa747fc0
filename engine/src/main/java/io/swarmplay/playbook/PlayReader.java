package io.swarmplay.playbook;

import io.swarmplay.inventory.HostPattern;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one play mapping into a {@link Play}. */
final class PlayReader {

    private final LoadSession session;
    private final Path file;
    private final Path dir;

    PlayReader(LoadSession session, Path file) {
        this.session = session;
        this.file = file;
        this.dir = file.getParent() == null ? Path.of("") : file.getParent();
    }

    Play read(YamlNode.Mapping written) {
        YamlNode.Mapping play = withoutOmitted(written);
        checkKeys(play);
        return session.withModuleDefaults(play.get("module_defaults"), () -> readChecked(play));
    }

    // the play's vars are what its static imports' file names may use (with the extra vars)
    private Play readChecked(YamlNode.Mapping play) {
        Map<String, Object> vars = session.loadingPlayVars(vars(play.get("vars")));
        Map<String, Object> known = new java.util.HashMap<>(vars);
        Map<String, Object> loaded = new LinkedHashMap<>();
        List<String> varsFiles = varsFiles(play.get("vars_files"), loaded);
        known.putAll(loaded);
        return session.withPlayVars(known, () -> readWithVars(play, varsFiles));
    }

    private Play readWithVars(YamlNode.Mapping play, List<String> varsFiles) {
        if (play.has("become_method")) TaskOptionsReader.becomeMethod(play.get("become_method"), session);
        String hosts = hosts(play);
        TaskReader tasks = new TaskReader(session, file);
        YamlNode nameNode = play.get("name");
        String name = nameNode == null ? null : Nodes.string(nameNode, "'name'", session.diagnostics);
        String pattern = hosts == null ? "" : hosts;
        List<TaskNode> preTasks = list(tasks, play, "pre_tasks");
        List<TaskNode> main = new ArrayList<>(roles(play.get("roles")));
        main.addAll(list(tasks, play, "tasks"));
        return new Play(name == null || name.isBlank() ? pattern : name, pattern,
                TaskOptionsReader.withBecomeKeywords(becomeKeywords(play), vars(play.get("vars"))), varsFiles,
                preTasks, main, list(tasks, play, "post_tasks"),
                new HandlerReader(session, file).readSection(play.get("handlers")),
                flag(play, "gather_facts", session.gathering != Gathering.EXPLICIT), flag(play, "any_errors_fatal", false),
                serial(play.get("serial")), maxFailPercentage(play.get("max_fail_percentage")),
                environment(play), tags(play), string(play, "connection"),
                play.has("become") ? TaskOptionsReader.flag(play.get("become"), "'become'", session) : Flag.UNSET,
                taskFlags(play), string(play, "become_user"), play.at(), dir, session.roleSearch(),
                play.has("force_handlers") ? flag(play, "force_handlers", false) : Flag.UNSET, hostOptions(play),
                new VarsPromptReader(session).read(play.get("vars_prompt")));
    }

    /** {@code order}, {@code gather_subset}, {@code fact_path} and {@code remote_user}. */
    private Play.Hosts hostOptions(YamlNode.Mapping play) {
        String order = play.has("order") ? order(play.get("order")) : null;
        List<String> subset = play.has("gather_subset")
                ? Nodes.strings(play.get("gather_subset"), "'gather_subset'", session.diagnostics) : List.of();
        Object throttle = play.has("throttle") ? TaskOptionsReader.number(play.get("throttle"), "'throttle'", true, session) : null;
        return new Play.Hosts(order == null ? "inventory" : order, subset, string(play, "fact_path"), string(play, "remote_user"),
                session.gathering == Gathering.SMART, throttle,
                play.get("strategy") instanceof YamlNode.Scalar s && s.value() instanceof String text ? text : null);
    }

    private String order(YamlNode v) {
        String order = Nodes.string(v, "'order'", session.diagnostics);
        // a templated order is rendered, then checked, when the play's hosts are chosen
        if (order == null || Play.Hosts.ORDERS.contains(order) || Templates.isTemplated(order)) return order;
        session.error("Invalid 'order' specified for inventory hosts: " + order, v.at(), Nodes.width(v),
                TaskOptionsReader.hintOr(Suggest.hint(order, Play.Hosts.ORDERS), "use one of " + String.join(", ", Play.Hosts.ORDERS)));
        return null;
    }

    /** The task keywords a play may set for all its tasks (a task's or block's own value wins), as in Ansible. */
    static final List<String> TASK_FLAGS = List.of("check_mode", "ignore_errors", "no_log", "diff", "run_once",
            "any_errors_fatal", "ignore_unreachable");

    private Map<String, Flag> taskFlags(YamlNode.Mapping play) {
        Map<String, Flag> flags = new java.util.LinkedHashMap<>();
        for (String keyword : TASK_FLAGS) {
            if (play.has(keyword)) flags.put(keyword, TaskOptionsReader.flag(play.get(keyword), "'" + keyword + "'", session));
        }
        return flags;
    }

    /** The play without the keywords written as {@code "{{ omit }}"} (they keep their defaults). */
    static YamlNode.Mapping withoutOmitted(YamlNode.Mapping play) {
        List<YamlNode.Entry> kept = play.entries().stream().filter(e -> !Templates.isOmit(e.value())).toList();
        return kept.size() == play.entries().size() ? play : new YamlNode.Mapping(kept, play.at());
    }

    /** {@code roles:}: each entry a role's use, run before {@code tasks:}. */
    private List<RoleCall> roles(YamlNode node) {
        List<RoleCall> calls = new ArrayList<>();
        if (node == null) return calls;
        RoleReader reader = new RoleReader(session);
        Nodes.sequenceOr(node, MalformedSection.message("roles", node), session.diagnostics).ifPresent(seq -> seq.items().forEach(item -> {
            RoleCall call = reader.entry(item, session.roleSearch(), RoleCall.Kind.PLAY);
            if (call != null) calls.add(call);
        }));
        return calls;
    }

    private void checkKeys(YamlNode.Mapping play) {
        for (YamlNode.Entry e : play.entries()) {
            SourcePosition at = e.key().at();
            int width = e.name().length();
            switch (e.name()) {
                case "strategy" -> strategy(e.value());
                case "collections" -> collections(e.value());
                default -> {
                    if (Keywords.UNSUPPORTED_PLAY.containsKey(e.name())) {
                        session.error("'" + e.name() + "' is not supported yet", at, width, Keywords.UNSUPPORTED_PLAY.get(e.name()));
                    } else if (!Keywords.PLAY.contains(e.name())) {
                        unknownKey(e);
                    }
                }
            }
        }
    }

    private void unknownKey(YamlNode.Entry e) {
        boolean taskLike = Keywords.isTaskKeyword(e.name()) || session.modules.contains(e.name());
        String hint = TaskReader.LEGACY_INCLUDE.contains(e.name()) ? "include a playbook with import_playbook"
                : taskLike ? "'" + e.name() + "' belongs to a task: put it under `tasks:`"
                : TaskOptionsReader.hintOr(Suggest.hint(e.name(), Keywords.PLAY), "see the play keywords in the docs");
        // Ansible's words: users and scripts look for them
        session.error("'" + e.name() + "' is not a valid attribute for a Play", e.key().at(), e.name().length(), hint);
    }

    /**
     * {@code collections:} lets a play call a collection's modules by their short names. The
     * modules of the collections swarmplay implements already answer to their short names, so
     * listing those changes nothing; another collection is worth a warning.
     */
    private void collections(YamlNode v) {
        List<String> known = List.of("community.docker", "ansible.builtin", "ansible.legacy");
        List<YamlNode> items = v instanceof YamlNode.Sequence seq ? seq.items() : List.of(v);
        for (YamlNode item : items) {
            String name = Nodes.string(item, "a collection name", session.diagnostics);
            if (name != null && Templates.isTemplated(name)) {
                session.warn(Keywords.notTemplatable("collections", name), item.at(), Nodes.width(item), null);
            } else if (name != null && !known.contains(name)) {
                session.warn("collection '" + name + "' is not available: swarmplay implements modules of "
                        + String.join(", ", known), item.at(), Nodes.width(item), null);
            }
        }
    }

    private void strategy(YamlNode v) {
        String s = Nodes.string(v, "'strategy'", session.diagnostics);
        // a templated strategy is rendered with the play's vars and extra vars when the play starts
        if (s != null && !s.equals("linear") && !Templates.isTemplated(s)) {
            session.warn("strategy '" + s + "' is not supported yet; the play runs with 'linear'", v.at(), Nodes.width(v), null);
        }
    }

    private String hosts(YamlNode.Mapping play) {
        YamlNode node = play.get("hosts");
        if (node == null || (node instanceof YamlNode.Scalar s && s.value() == null)) {
            // a legacy playbook include is reported as such, not as a play without hosts
            if (TaskReader.LEGACY_INCLUDE.stream().anyMatch(play::has)) return null;
            session.error("play has no 'hosts'", play.at(), 1, "add `hosts: all`, a group or a host name");
            return null;
        }
        if (node instanceof YamlNode.Sequence seq && seq.items().isEmpty()
                || node instanceof YamlNode.Scalar s && String.valueOf(s.value()).isBlank()) {
            // Ansible's Play._validate_hosts
            session.error("Hosts list cannot be empty. Please check your playbook", node.at(), Nodes.width(node), null);
            return null;
        }
        String hosts = String.join(",", Nodes.strings(node, "'hosts'", session.diagnostics));
        if (!Templates.isTemplated(hosts)) {
            try {
                HostPattern.parse(hosts);
            } catch (IllegalArgumentException e) {
                session.error(e.getMessage(), node.at(), Nodes.width(node), null);
            }
        }
        return hosts;
    }

    private static Map<String, Object> becomeKeywords(YamlNode.Mapping play) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (String key : List.of("become_method", "become_exe", "become_flags")) {
            if (play.has(key)) keywords.put("ansible_" + key, play.get(key).value());
        }
        return keywords;
    }

    /** {@code vars:} as a mapping, or a list of mappings merged in order. */
    private Map<String, Object> vars(YamlNode node) {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                Nodes.mapping(item, "an entry of 'vars'", session.diagnostics).ifPresent(m -> vars.putAll(m.value()));
            }
        } else if (node != null) {
            Nodes.mapping(node, "'vars'", session.diagnostics).ifPresent(m -> vars.putAll(m.value()));
        }
        return vars;
    }

    /**
     * Entries as written; plain (untemplated) files must exist and load now, their variables into
     * {@code loaded} (what the play's static imports may name their files with).
     */
    private List<String> varsFiles(YamlNode node, Map<String, Object> loaded) {
        List<String> files = new ArrayList<>();
        if (node == null) return files;
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node);
        for (YamlNode item : items) {
            String name = Nodes.string(item, "an entry of 'vars_files'", session.diagnostics);
            if (name == null) continue;
            files.add(name);
            if (!Templates.isTemplated(name) && session.exists(dir.resolve(name), "vars file", item.at(), Nodes.width(item))) {
                loaded.putAll(VarsFileLoader.load(dir.resolve(name), item.at(), session.diagnostics, session.vault));
            }
        }
        return files;
    }

    /** {@code serial}: a batch size or a list of them; each a number, a percentage ({@code 30%}) or a template. */
    private List<Object> serial(YamlNode node) {
        if (node == null) return List.of();
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node);
        List<Object> sizes = new ArrayList<>();
        for (YamlNode item : items) {
            Object value = item instanceof YamlNode.Scalar s ? s.value() : null;
            if (value instanceof Integer || value instanceof Long || value instanceof String t && (t.strip().matches("-?\\d+%?") || Templates.isTemplated(t))) {
                sizes.add(value instanceof String t ? t.strip() : value);
            } else {
                session.error("'serial' takes a number of hosts, a percentage such as 30% or a list of them", item.at(),
                        Nodes.width(item), "write `serial: 2`, `serial: \"30%\"` or `serial: [1, 5, \"50%\"]`");
            }
        }
        return sizes;
    }

    /** {@code max_fail_percentage}: a number from 0 to 100. */
    private Double maxFailPercentage(YamlNode node) {
        if (node == null) return null;
        Object value = node instanceof YamlNode.Scalar s ? s.value() : null;
        if (value instanceof String t && t.strip().matches("\\d+(\\.\\d+)?")) value = Double.valueOf(t.strip());
        if (value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 100) return n.doubleValue();
        session.error("'max_fail_percentage' takes a number from 0 to 100", node.at(), Nodes.width(node),
                "write `max_fail_percentage: 30`");
        return null;
    }

    private List<TaskNode> list(TaskReader tasks, YamlNode.Mapping play, String key) {
        YamlNode n = play.get(key);
        return n == null ? List.of() : tasks.readSection(n, key);
    }

    // a boolean play keyword: a literal, or a template rendered when the play starts (Ansible post-validates the play)
    private Flag flag(YamlNode.Mapping play, String key, boolean absent) {
        YamlNode n = play.get(key);
        Flag f = n == null ? Flag.UNSET : TaskOptionsReader.flag(n, "'" + key + "'", session);
        return f.isSet() ? f : Flag.of(absent);
    }

    private Map<String, Object> environment(YamlNode.Mapping play) {
        YamlNode n = play.get("environment");
        return n == null ? Map.of() : EnvironmentKeyword.read(n, "'environment'", session.diagnostics);
    }

    private Map<String, Object> map(YamlNode.Mapping play, String key) {
        YamlNode n = play.get(key);
        if (n == null) return Map.of();
        return Nodes.mapping(n, "'" + key + "'", session.diagnostics).map(YamlNode.Mapping::value).orElse(Map.of());
    }

    private Set<String> tags(YamlNode.Mapping play) {
        YamlNode n = play.get("tags");
        return n == null ? Set.of() : TaskOptionsReader.tags(n, session);
    }

    private String string(YamlNode.Mapping play, String key) {
        YamlNode n = play.get(key);
        return n == null ? null : Nodes.string(n, "'" + key + "'", session.diagnostics);
    }
}
