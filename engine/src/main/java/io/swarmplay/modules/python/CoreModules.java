package io.swarmplay.modules.python;

import io.swarmplay.module.ModuleException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * ansible-core 2.14's {@code ansible.builtin} modules that are module files
 * ({@code ansible/modules/NAME.py}; table {@code core_modules.txt}). One that swarmplay does not
 * implement is run from the control node's ansible-core as a user's library module is: known by
 * name when the playbook loads, its file looked for when it runs.
 */
final class CoreModules {

    static final String TABLE = "core_modules.txt";
    private static final Set<String> NAMES = load();

    private CoreModules() {
    }

    /** Whether {@code name} (without {@code ansible.builtin.}) is one of ansible-core's module files. */
    static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /** A module that runs ansible-core's {@code NAME.py} of the control node's Python. */
    static PythonModule module(String name, Supplier<Path> controlPython) {
        return new PythonModule(name, Path.of("ansible", "modules", name + ".py"), () -> file(name, controlPython), controlPython);
    }

    /** The control node's {@code ansible/modules/NAME.py}; a {@link ModuleException} saying why there is none. */
    static Path file(String name, Supplier<Path> controlPython) {
        Path file;
        try {
            file = ModuleUtils.ansiblePackage(controlPython.get()).resolve("modules").resolve(name + ".py");
        } catch (ModuleException e) {
            throw new ModuleException(needs(name) + ": " + e.getMessage());
        }
        if (!Files.isRegularFile(file)) throw new ModuleException(needs(name) + ", and its ansible-core has no " + file);
        return file;
    }

    private static String needs(String name) {
        return "the module ansible.builtin." + name + " is not built into swarmplay: it runs ansible-core's module file, "
                + "and needs ansible-core on the control node";
    }

    private static Set<String> load() {
        try (InputStream in = CoreModules.class.getResourceAsStream(TABLE)) {
            if (in == null) throw new IllegalStateException("missing resource " + TABLE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
