package io.swarmplay.modules.python;

import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.Outcome;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a Python module and an action plugin share: they take any arguments, what they will do is
 * unknown until they run (a plan shows them without running them; check mode skips them), and
 * their result is Ansible's result dictionary.
 */
abstract sealed class PythonPlugin implements Module<PythonPlugin.Args> permits PythonModule, PythonAction {

    /** Every argument given to the task. */
    public record Args(Map<String, Object> vars) {
    }

    final String name;
    final Path file;
    private final String kind;

    PythonPlugin(String name, Path file, String kind) {
        this.name = name;
        this.file = file;
        this.kind = kind;
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        return Change.unknown("the " + kind + " " + name + " (" + file + ") will run");
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return ModuleResult.outcome(run(args.vars(), host), args.vars(), change);
    }

    /** Runs the plugin with {@code args} for {@code host} and returns its result dictionary. */
    abstract Map<String, Object> run(Map<String, Object> args, HostSession host);
}
