package io.swarmplay.modules;

import io.swarmplay.connection.local.LocalConnection;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A module called on this machine over the local connection, as a real run calls it (tests of the built-in modules). */
final class LocalModules {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load();

    private LocalModules() {
    }

    /** The module's plan, with {@code dir} as the playbook directory. */
    @SuppressWarnings("unchecked")
    static Change plan(String module, Map<String, Object> args, Path dir) {
        Module<Object> m = (Module<Object>) REGISTRY.find(module).orElseThrow();
        return m.plan(ArgsBinder.bind(m.argsType(), args), new LocalHost(new LocalConnection(), dir));
    }

    /** Plan, then apply unless there is nothing to do: the outcome a real run registers. */
    @SuppressWarnings("unchecked")
    static Outcome run(String module, Map<String, Object> args, Path dir) {
        Module<Object> m = (Module<Object>) REGISTRY.find(module).orElseThrow();
        Object bound = ArgsBinder.bind(m.argsType(), args);
        LocalHost host = new LocalHost(new LocalConnection(), dir);
        Change change = m.plan(bound, host);
        return change.isNone() ? Results.outcome(change) : m.apply(bound, change, host);
    }

    /** {@code args("path", p, "state", "absent")}: an argument map in the order given. */
    static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) map.put((String) keyValues[i], keyValues[i + 1]);
        return map;
    }
}
