package io.swarmplay.template.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Python 3 that runs plugins, first found of: {@code $SWARMPLAY_PYTHON}; the interpreter of
 * the first {@code ansible-playbook} on the {@code PATH} that is a Python script (its {@code #!} line: the Python Ansible itself
 * would run the plugins with, which can import {@code ansible.*}); {@code python3} on the
 * {@code PATH}. Found without starting anything.
 */
public final class PythonInterpreter {

    public static final String ENV = "SWARMPLAY_PYTHON";
    /** What {@link #find} tries, for messages. */
    public static final String TRIED = "$" + ENV + ", the interpreter of ansible-playbook, python3 on the PATH";

    private PythonInterpreter() {
    }

    public static Optional<Path> find(Map<String, String> env) {
        String named = env.get(ENV);
        if (named != null && !named.isBlank()) return executable(Path.of(named.strip())).or(() -> onPath(named.strip(), env));
        return ansiblesPython(env).or(() -> onPath("python3", env));
    }

    /** The interpreter of the first {@code ansible-playbook} on the PATH that is a Python script (a shell stand-in is passed over). */
    private static Optional<Path> ansiblesPython(Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            if (dir.isBlank()) continue;
            Optional<Path> python = executable(Path.of(dir, "ansible-playbook")).flatMap(PythonInterpreter::shebang);
            if (python.isPresent()) return python;
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String name, Map<String, String> env) {
        if (name.contains("/")) return executable(Path.of(name));
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (dir.isBlank()) continue;
            Optional<Path> found = executable(Path.of(dir, name));
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /** {@code #! /usr/bin/python3} → that file; {@code #!/usr/bin/env python3} and non-Python scripts → empty (use the PATH). */
    private static Optional<Path> shebang(Path script) {
        try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            String first = in.readLine();
            if (first == null || !first.startsWith("#!")) return Optional.empty();
            String[] words = first.substring(2).strip().split("\\s+");
            if (words.length == 0 || !Path.of(words[0]).getFileName().toString().startsWith("python")) return Optional.empty();
            return executable(Path.of(words[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
