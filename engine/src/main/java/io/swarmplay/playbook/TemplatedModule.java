package io.swarmplay.playbook;

import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;

import java.util.List;

/**
 * A task whose module is a template ({@code action: "{{ mod }} msg=hi"}, {@code action: {module: "{{ mod }}"}}).
 * As in Ansible, the loader does not check it: each host names its module when the task runs, and its
 * arguments are read (split and checked) for that module then.
 */
public final class TemplatedModule {

    private TemplatedModule() {
    }

    /** Whether {@code task} names its module with a template. */
    public static boolean isTemplated(Task task) {
        return Templates.isTemplated(task.module());
    }

    /**
     * {@code task} calling module {@code name} (the template's value on one host), its arguments read for that
     * module; an {@link IllegalArgumentException} says why it cannot (no such module, a bad argument).
     */
    public static Task resolve(Task task, String name, ModuleRegistry modules) {
        Module<?> module = modules.find(name).orElse(null);
        if (module == null || ModuleArgs.META.equals(module.info().name())) {
            throw new IllegalArgumentException("couldn't resolve module/action '" + name + "' (the value of '"
                    + task.module() + "')" + (module == null ? "" : ": meta cannot be named by a template"));
        }
        Diagnostics diagnostics = new Diagnostics();
        ModuleArgs args = new ModuleArgs(new LoadSession(diagnostics, modules, List.of()), name, module);
        ModuleArgs.Parsed parsed = args.reread(task.args(), task.argsAt());
        args.validate(parsed);
        List<Diagnostic> errors = diagnostics.errors();
        if (!errors.isEmpty()) {
            Diagnostic first = errors.get(0);
            throw new IllegalArgumentException(first.summary() + (first.hint() == null ? "" : " (" + first.hint() + ")"));
        }
        return new Task(task.name(), name, parsed.args(), task.options(), task.at(), parsed.at());
    }
}
