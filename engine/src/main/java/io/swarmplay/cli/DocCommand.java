package io.swarmplay.cli;

import io.swarmplay.module.ArgSpec;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.run.ExitStatus;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code swarmplay doc MODULE} (every argument with type, default, choices and description, from
 * the module's arguments record and option table) and {@code swarmplay doc --list}, like ansible-doc.
 */
final class DocCommand {

    private DocCommand() {
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        ModuleRegistry registry = ModuleRegistry.load();
        if (args.length != 1 || args[0].equals("-h") || args[0].equals("--help")) {
            err.println("usage: swarmplay doc MODULE | swarmplay doc --list");
            return ExitStatus.USAGE.code();
        }
        if (args[0].equals("--list") || args[0].equals("-l")) {
            for (String name : new TreeSet<>(registry.names())) {
                registry.find(name).filter(m -> m.info().name().equals(name)).ifPresent(m -> out.println(name));
            }
            return 0;
        }
        Optional<Module<?>> module = registry.find(args[0]);
        if (module.isEmpty()) {
            String hint = registry.suggest(args[0]);
            err.println("error: no module '" + args[0] + "'" + (hint == null ? "" : "; " + hint));
            return ExitStatus.USAGE.code();
        }
        print(module.get(), out);
        return 0;
    }

    private static void print(Module<?> module, PrintWriter out) {
        out.println("> " + module.info().name().toUpperCase(java.util.Locale.ROOT)
                + (module.info().aliases().length == 0 ? "" : "    (" + String.join(", ", module.info().aliases()) + ")"));
        out.println();
        out.println("OPTIONS (= is mandatory):");
        for (ArgSpec a : ArgsBinder.specs(module.argsType())) {
            out.println();
            out.println((a.required() ? "= " : "- ") + a.name());
            if (!a.description().isEmpty()) out.println("        " + a.description());
            if (!a.aliases().isEmpty()) out.println("        aliases: " + String.join(", ", a.aliases()));
            if (!a.choices().isEmpty()) out.println("        choices: [" + String.join(", ", a.choices()) + "]");
            if (a.defaultValue() != null) out.println("        default: " + a.defaultValue());
            out.println("        type: " + a.type());
        }
    }
}
