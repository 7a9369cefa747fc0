package io.swarmplay.module;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Ansible's run-time failure for arguments a module does not have (a task that expects the failure
 * gets it when it runs, as in Ansible, instead of the load error): a module's
 * {@code Unsupported parameters for (copy) module: KEYS. Supported parameters include: NAME (ALIAS), ...}
 * or an action plugin's {@code Invalid options for NAME: KEYS}.
 */
public final class UnsupportedArgs {

    private UnsupportedArgs() {
    }

    /** The message for {@code e}, or null when it holds other problems than unknown keys. */
    public static String message(Module<?> module, ArgsException e) {
        List<String> keys = e.onlyUnknownKeys().stream().sorted().toList();
        if (keys.isEmpty()) return missingRequired(module, e);
        ModuleInfo info = module.info();
        if (info.actionArgs()) return "Invalid options for " + info.name() + ": " + String.join(", ", keys);
        String supported = ArgsBinder.specs(module.argsType()).stream()
                .sorted(java.util.Comparator.comparing(ArgSpec::name))
                .map(s -> s.aliases().isEmpty() ? s.name() : s.name() + " (" + String.join(", ", s.aliases()) + ")")
                .collect(Collectors.joining(", "));
        return "Unsupported parameters for (" + info.name() + ") module: " + String.join(", ", keys)
                + ". Supported parameters include: " + supported + ".";
    }

    /**
     * Ansible's argument-spec failure of a module called without required arguments:
     * {@code missing required arguments: A, B} (sorted); null when {@code e} holds other problems.
     */
    private static String missingRequired(Module<?> module, ArgsException e) {
        if (module.info().actionArgs() || e.problems().isEmpty()) return null;
        List<String> missing = new java.util.ArrayList<>();
        for (ArgsException.Problem problem : e.problems()) {
            if (!problem.message().equals("missing required argument '" + problem.key() + "'")) return null;
            missing.add(problem.key());
        }
        return "missing required arguments: " + String.join(", ", missing.stream().sorted().toList());
    }
}
