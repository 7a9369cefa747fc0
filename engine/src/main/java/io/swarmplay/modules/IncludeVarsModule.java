package io.swarmplay.modules;

import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.VarsLayer;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;
import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.YamlNode;
import io.swarmplay.source.YamlReader;
import io.swarmplay.template.filters.SerialisationFilters;
import io.swarmplay.template.filters.TypeFilters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads variables from YAML/JSON files on the control node into the host's variables, for the
 * rest of the play (as Ansible's {@code include_vars}). Relative paths are searched under
 * {@code vars/} of the role, the task file's folder and the playbook's folder.
 * <pre>{@code
 * - include_vars: app.yml
 * - include_vars: {file: "{{ ansible_distribution }}.yml", name: distro}
 * - include_vars: {dir: vars/extra, files_matching: '^app_', depth: 1}
 * }</pre>
 * Registers {@code ansible_facts} and {@code ansible_included_var_files}; never changes the host.
 * With {@code hash_behaviour: merge} each included mapping is merged recursively into the host's value.
 */
@ModuleInfo(name = "include_vars", readOnly = true, checkMode = CheckSupport.FULL, freeForm = "_raw",
        setsVars = VarsLayer.INCLUDED)
public final class IncludeVarsModule implements Module<IncludeVarsModule.Args> {

    public record Args(@Alias("_raw") String free_form, String file, String dir, String name, int depth, String files_matching,
                       List<String> ignore_files, @Default("yaml,yml,json") List<String> extensions,
                       boolean ignore_unknown_extensions,
                       @Alias("hash_behavior") @Choices({"replace", "merge"}) String hash_behaviour) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        List<Path> files = files(args, host);
        Map<String, Object> vars = new LinkedHashMap<>();
        io.swarmplay.source.Vault vault = host.extension(io.swarmplay.source.Vault.class).orElse(io.swarmplay.source.Vault.none());
        for (Path file : files) vars.putAll(read(file, vault));
        Map<String, Object> facts = args.name() == null ? vars : Map.of(args.name(), vars);
        if ("merge".equals(args.hash_behaviour())) facts = mergedWithCurrent(facts, host);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ansible_facts", facts);
        data.put("ansible_included_var_files", files.stream().map(Path::toString).toList());
        return Results.none("included " + files.size() + " variables file(s)", data, facts);
    }

    /**
     * {@code hash_behaviour: merge}: each included variable merged recursively into the host's value of
     * it, as Ansible's {@code combine_vars(old, new, merge=True)}: both must be mappings, else it fails.
     */
    private static Map<String, Object> mergedWithCurrent(Map<String, Object> facts, HostView host) {
        Map<String, Object> merged = new LinkedHashMap<>();
        facts.forEach((key, value) -> {
            Object old = current(host, key);
            if (!(old instanceof Map<?, ?> oldMap && value instanceof Map<?, ?> newMap)) {
                throw new ModuleException("failed to combine variables, expected dicts but got a '" + TypeFilters.pythonType(old)
                        + "' and a '" + TypeFilters.pythonType(value) + "': \n" + SerialisationFilters.json(old, 0, false)
                        + "\n" + SerialisationFilters.json(value, 0, false));
            }
            merged.put(key, io.swarmplay.vars.HashBehaviour.mergeHash(oldMap, newMap));
        });
        return merged;
    }

    // the host's value of the variable, null when it has none (Ansible's task_vars.get(key))
    private static Object current(HostView host, String key) {
        try {
            return io.swarmplay.template.Unsafe.strip(host.evaluate("vars['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }

    /** The files to read: the one {@code file}, or {@code dir}'s files in sorted order. */
    private static List<Path> files(Args args, HostView host) {
        if (args.file() != null && args.dir() != null) throw failed("You are mixing file only and dir only arguments, these are incompatible");
        String source = args.file() != null ? args.file() : args.dir() != null ? args.dir() : args.free_form();
        // Ansible looks for a file without a name (file: "", or nothing given) and finds none
        if (source == null || source.isBlank()) throw failed("Could not find file on the Ansible Controller.\n"
                + "If you are using a module and expect the file to exist on the remote, see the remote_src option");
        Path path = find(host, source.strip(), args.dir() != null ? "dir" : "file");
        if (!Files.isDirectory(path)) {
            checkExtension(args, path);
            return List.of(path);
        }
        if (args.file() != null) throw failed(source + " is a directory; give it as dir: " + source);
        return directory(args, path);
    }

    private static Path find(HostView host, String source, String kind) {
        try {
            return host.controlFile(source, "vars");
        } catch (ModuleException e) {
            throw failed("Could not find or access '" + source + "' on the Ansible Controller."
                    + " If you are using a module and expect the " + kind + " to be on the remote, see the remote_src option");
        }
    }

    // Ansible's include_vars reports its failures under "message" (the result has no "msg")
    private static ModuleException failed(String message) {
        return new ModuleException(message, Map.of("message", message));
    }

    private static List<Path> directory(Args args, Path dir) {
        Pattern matching = args.files_matching() == null ? null : Pattern.compile(args.files_matching());
        List<String> ignored = args.ignore_files() == null ? List.of() : args.ignore_files();
        int depth = args.depth() <= 0 ? Integer.MAX_VALUE : args.depth();
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(Files::isRegularFile).sorted()
                    .filter(p -> matching == null || matching.matcher(p.getFileName().toString()).find())
                    .filter(p -> ignored.stream().noneMatch(i -> p.getFileName().toString().matches(glob(i))))
                    .filter(p -> args.ignore_unknown_extensions() ? hasExtension(args, p) : checkExtension(args, p))
                    .toList();
        } catch (IOException e) {
            throw failed("cannot read directory " + dir + ": " + e.getMessage());
        }
    }

    private static String glob(String pattern) {
        return pattern.replace(".", "\\.").replace("*", ".*").replace("?", ".");
    }

    // Python's os.path.splitext: leading dots belong to the name, a name without a dot has the extension ''
    // (listed as '' in extensions, as Ansible allows)
    private static boolean hasExtension(Args args, Path file) {
        String name = file.getFileName().toString();
        String stem = name.replaceFirst("^\\.+", "");
        int dot = stem.lastIndexOf('.');
        return args.extensions().contains(dot < 0 ? "" : stem.substring(dot + 1));
    }

    private static boolean checkExtension(Args args, Path file) {
        if (hasExtension(args, file)) return true;
        throw failed(file + " does not have a valid extension: " + String.join(", ", args.extensions()));
    }

    /** A file's variables; an empty file has none. */
    private static Map<String, Object> read(Path file, io.swarmplay.source.Vault vault) {
        Diagnostics diagnostics = new Diagnostics();
        YamlNode root = new YamlReader(diagnostics, vault).read(file).orElse(null);
        Map<String, Object> vars = root == null ? new LinkedHashMap<>()
                : Nodes.mapping(root, "the variables in '" + file + "'", diagnostics).map(YamlNode.Mapping::value)
                .orElseGet(LinkedHashMap::new);
        if (diagnostics.hasErrors()) {
            List<String> problems = new ArrayList<>();
            for (Diagnostic d : diagnostics.errors()) problems.add(d.summary() + " at " + d.position());
            throw failed("cannot include variables from " + file + ": " + String.join("; ", problems));
        }
        return vars;
    }
}
