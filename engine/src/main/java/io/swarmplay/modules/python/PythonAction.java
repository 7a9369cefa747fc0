package io.swarmplay.modules.python;

import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.ArgsException;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;
import io.swarmplay.template.python.PluginProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A user's Ansible action plugin ({@code action_plugins/NAME.py}, {@code class ActionModule(ActionBase)}),
 * run on the control node by {@code action_host.py}: its {@code ActionBase} is swarmplay's shim,
 * and what the plugin asks of the host ({@code _execute_module}, {@code action_loader.get(...).run()})
 * comes back here as a question and runs as that module on this step's host. A module of the
 * same name in {@code library/} is what {@code _execute_module()} runs by default (the action
 * plugin shadows it, as in Ansible). Unknown before it runs: planned, never run in a plan;
 * skipped by {@code --check}.
 */
@ModuleInfo(name = "python_action", checkMode = CheckSupport.NONE)
public final class PythonAction extends PythonPlugin {

    private static final String SCRIPT = "action_host.py";
    private static final Duration ANSWER_TIMEOUT = Duration.ofHours(1);

    private final PythonModule shadowed;
    private final ModuleRegistry modules;
    private final Supplier<Path> controlPython;

    PythonAction(String name, Path file, PythonModule shadowed, ModuleRegistry modules, Supplier<Path> controlPython) {
        super(name, file, "action plugin");
        this.shadowed = shadowed;
        this.modules = modules;
        this.controlPython = controlPython;
    }

    @Override
    Map<String, Object> run(Map<String, Object> args, HostSession host) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "run");
        request.put("path", file.toString());
        request.put("action", name);
        request.put("args", ModuleResult.plain(args));
        request.put("host", host.name());
        Map<String, Object> answer;
        try (PluginProcess process = PluginProcess.start(controlPython.get(), PythonAction.class, SCRIPT)) {
            answer = process.converse(request, "module", ANSWER_TIMEOUT, question -> answer(question, host));
        } catch (IOException e) {
            throw new ModuleException("cannot start " + controlPython.get() + " for the action plugin " + name + ": " + e.getMessage());
        } catch (PluginProcess.Broken e) {
            throw new ModuleException("the action plugin " + name + " (" + file + ") could not run: " + e.getMessage());
        }
        return result(answer);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result(Map<String, Object> answer) {
        if (answer.get("result") instanceof Map<?, ?> result) return (Map<String, Object>) result;
        Map<String, Object> failed = ModuleResult.failed(String.valueOf(answer.get("error")));
        if (answer.get("exception") instanceof String traceback) failed.put("exception", traceback);
        return failed;
    }

    /** The plugin's question: run module {@code name} with {@code args} on the host; the answer is its result. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> answer(Map<String, Object> question, HostSession host) {
        String module = String.valueOf(question.get("name"));
        Map<String, Object> args = question.get("args") instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of();
        Map<String, Object> result;
        try {
            result = execute(shortName(module), args, host);
        } catch (ModuleException e) {
            result = ModuleResult.failed(e.getMessage());
            result.putAll(e.data());
        } catch (ArgsException e) {
            result = ModuleResult.failed("bad arguments for module '" + module + "': " + e.getMessage());
        }
        return Map.of("result", result);
    }

    private Map<String, Object> execute(String module, Map<String, Object> args, HostSession host) {
        if (module.equals(name) && shadowed != null) return shadowed.run(args, host);
        // a module swarmplay lacks: the user's library module or ansible-core's, as for a task
        Module<?> found = modules.find(module).or(() -> modules.plugin(module, file)).orElseThrow(() -> new ModuleException("the action plugin " + name
                + " asked for the module '" + module + "', which swarmplay does not have"));
        if (found instanceof PythonModule python) return python.run(args, host);
        if (found instanceof PythonAction action) return action.run(args, host);
        return ModuleResult.of(runBuiltin(found, freeForm(found, args), host));
    }

    private static <A> Outcome runBuiltin(Module<A> module, Map<String, Object> args, HostSession host) {
        A bound = ArgsBinder.bind(module.argsType(), args);
        Change change = module.plan(bound, host);
        if (change.isNone()) return Results.outcome(change);
        Outcome outcome = module.apply(bound, change, host);
        return outcome.change() == null ? outcome.withChange(change) : outcome;
    }

    /** Ansible's {@code _raw_params} (the free-form string) under the key the module takes it as. */
    private static Map<String, Object> freeForm(Module<?> module, Map<String, Object> args) {
        String key = module.info().freeForm();
        if (!args.containsKey("_raw_params") || key.isEmpty()) return args;
        Map<String, Object> out = new LinkedHashMap<>(args);
        out.put(key, out.remove("_raw_params"));
        out.remove("_uses_shell");
        return out;
    }

    /** {@code ansible.legacy.shell} and {@code ansible.builtin.shell} are swarmplay's {@code shell}. */
    static String shortName(String module) {
        for (String prefix : new String[] {"ansible.legacy.", "ansible.builtin."}) {
            if (module.startsWith(prefix)) return module.substring(prefix.length());
        }
        return module;
    }
}
