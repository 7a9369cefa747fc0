package io.swarmplay.playbook;

import io.swarmplay.module.Module;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the one module call among a task's keys, reporting unknown modules, unknown keywords, two
 * modules in one task and a task without any. A key that is neither a keyword nor a module is an
 * unknown <em>keyword</em> when the task already has a module (the {@code regsiter:} typo), else an
 * unknown <em>module</em>, unless it is closer to a keyword than to any module.
 * {@code local_action}/{@code action} name their module in their value.
 */
final class ModuleCalls {

    private static final String NO_MODULE_HINT = "add a module such as `command: ...`, or use block, include_tasks or import_tasks";

    private final LoadSession session;
    private final YamlNode.Mapping task;
    private boolean reported;

    ModuleCalls(LoadSession session, YamlNode.Mapping task) {
        this.session = session;
        this.task = task;
    }

    /** The module call, or null after reporting why there is none. */
    TaskReader.ModuleCall find() {
        List<TaskReader.ModuleCall> calls = new ArrayList<>();
        List<YamlNode.Entry> unknown = new ArrayList<>();
        for (YamlNode.Entry e : task.entries()) classify(e, calls, unknown);
        reportUnknown(unknown, !calls.isEmpty());
        if (calls.size() > 1) {
            YamlNode.Entry second = entryOf(calls.get(1));
            session.error("task has both '" + calls.get(0).name() + "' and '" + calls.get(1).name() + "'",
                    second.key().at(), second.name().length(), "split it into two tasks: one module per task");
        }
        if (calls.isEmpty() && unknown.isEmpty() && !reported) session.error("task has no module", task.at(), 1, NO_MODULE_HINT);
        return calls.isEmpty() ? null : calls.get(0);
    }

    private void classify(YamlNode.Entry e, List<TaskReader.ModuleCall> calls, List<YamlNode.Entry> unknown) {
        String key = e.name();
        if (key.equals("local_action") || key.equals("action")) {
            TaskReader.ModuleCall call = action(e, key.equals("local_action"));
            if (call != null) calls.add(call);
        } else if (Keywords.isTaskKeyword(key)) {
            return;
        } else if (Keywords.UNSUPPORTED_TASK.containsKey(key)) {
            session.error("'" + key + "' is not supported yet", e.key().at(), key.length(), Keywords.UNSUPPORTED_TASK.get(key));
            reported = true;
        } else if (session.modules.contains(key)) {
            calls.add(new TaskReader.ModuleCall(key, session.modules.find(key).orElseThrow(), e.value(), false));
        } else if (isMetaName(key)) {
            calls.add(new TaskReader.ModuleCall(key, null, e.value(), false));
        } else {
            Module<?> plugin = session.modules.plugin(key, e.key().at().file()).orElse(null);
            if (plugin != null) calls.add(new TaskReader.ModuleCall(key, plugin, e.value(), false));
            else unknown.add(e);
        }
    }

    private void reportUnknown(List<YamlNode.Entry> unknown, boolean hasModule) {
        boolean moduleReported = hasModule;
        for (YamlNode.Entry e : unknown) {
            String nearest = Suggest.closest(e.name(), candidates()).orElse(null);
            // a Python module or action plugin of that name is what the user meant, however close to a keyword
            boolean keywordLike = nearest != null && Keywords.isTaskKeyword(nearest) && pythonPlugin(e.name(), e.key().at().file()) == null;
            if (moduleReported || keywordLike) {
                session.error("unknown task keyword '" + e.name() + "'", e.key().at(), e.name().length(),
                        nearest != null ? "did you mean '" + nearest + "'?" : null);
            } else {
                unknownModule(e.name(), e.key().at(), e.name().length());
                moduleReported = true;
            }
        }
    }

    /** An unknown module; one that is an Ansible Python plugin beside the task says so (swarmplay cannot run Python). */
    private void unknownModule(String name, io.swarmplay.source.SourcePosition at, int width) {
        java.nio.file.Path plugin = pythonPlugin(name.substring(name.lastIndexOf('.') + 1), at.file());
        if (plugin == null) {
            session.error("unknown module '" + name + "'", at, width, moduleHint(name));
        } else {
            String kind = plugin.getParent().getFileName().toString().equals("library") ? "module" : "action plugin";
            session.error("'" + name + "' is an Ansible Python " + kind + " (" + plugin + "): swarmplay runs Python filter and "
                    + "test plugins only, not Python modules, action or lookup plugins", at, width,
                    "use a built-in module instead (swarmplay doc lists them)");
        }
    }

    private static final List<String> PLUGIN_DIRS = List.of("library", "action_plugins");

    /** The Python module or action plugin {@code NAME.py} beside the task file (or its role's, playbook's), else null. */
    static java.nio.file.Path pythonPlugin(String name, java.nio.file.Path taskFile) {
        return io.swarmplay.source.PythonPluginFile.find(PLUGIN_DIRS, name, taskFile);
    }

    private String moduleHint(String name) {
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        String hint = session.modules.suggest(shortName);
        if (hint == null && !shortName.equals(name) && session.modules.contains(shortName)) hint = "did you mean '" + shortName + "'?";
        if (hint != null) return hint;
        List<String> known = session.modules.names().stream().filter(n -> !n.contains(".")).sorted().toList();
        return known.size() <= 20 ? "available modules: " + String.join(", ", known) : "check the module's name";
    }

    private Set<String> candidates() {
        Set<String> all = new TreeSet<>(Keywords.allTaskKeywords());
        for (String n : session.modules.names()) if (!n.contains(".")) all.add(n);
        return all;
    }

    /** {@code local_action: copy src=a} or {@code local_action: {module: copy, src: a}}. */
    private TaskReader.ModuleCall action(YamlNode.Entry e, boolean local) {
        YamlNode v = e.value();
        String module;
        YamlNode args;
        if (v instanceof YamlNode.Mapping m && m.has("module")) {
            module = Nodes.string(m.get("module"), "'module'", session.diagnostics);
            List<YamlNode.Entry> rest = m.entries().stream().filter(x -> !x.name().equals("module")).toList();
            args = new YamlNode.Mapping(rest, m.at());
        } else if (v instanceof YamlNode.Scalar s && s.value() != null) {
            String[] parts = splitAction(s.string().strip());
            module = parts[0];
            args = new YamlNode.Scalar(parts.length > 1 ? parts[1] : null, parts.length > 1 ? parts[1] : "", false, s.at(), 1);
        } else {
            session.error("'" + e.name() + "' needs a module: `" + e.name() + ": copy src=a dest=b`", v.at(), 1, null);
            return null;
        }
        if (module == null) return null;
        // Ansible resolves a templated module name on each host when the task runs
        if (isMetaName(module) || Templates.isTemplated(module)) return new TaskReader.ModuleCall(module, null, args, local);
        if (!session.modules.contains(module) && session.modules.plugin(module, v.at().file()).isEmpty()) {
            unknownModule(module, v.at(), Nodes.width(v));
            return null;
        }
        return new TaskReader.ModuleCall(module, session.modules.find(module).orElseThrow(), args, local);
    }

    /** {@code "{{ mod }} msg=hi"} → the module (a template's spaces are part of it) and the rest, if any. */
    static String[] splitAction(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '%')) depth++;
            else if ((c == '}' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '}' && depth > 0) depth--;
            else if (depth == 0 && Character.isWhitespace(c)) return new String[]{text.substring(0, i), text.substring(i).strip()};
        }
        return new String[]{text};
    }

    private YamlNode.Entry entryOf(TaskReader.ModuleCall call) {
        return task.entries().stream().filter(e -> e.value() == call.value() || e.name().equals(call.name()))
                .findFirst().orElse(task.entries().get(0));
    }

    private static boolean isMetaName(String key) {
        return key.equals(ModuleArgs.META) || key.equals("ansible.builtin.meta");
    }
}
