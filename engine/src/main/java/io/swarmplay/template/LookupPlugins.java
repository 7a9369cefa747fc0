package io.swarmplay.template;

import io.swarmplay.inventory.Inventory;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Vault;
import io.swarmplay.template.filters.PythonPercent;
import io.swarmplay.template.filters.RegexFilters;
import io.swarmplay.template.filters.TypeFilters;
import io.swarmplay.template.filters.Values;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lookup plugins, one table: name → what it gives for its terms and options, as Ansible
 * 2.14's plugins of the same name do. Files are searched like Ansible's
 * {@code find_file_in_search_path}: see {@link Context#find}.
 */
final class LookupPlugins {

    /** One lookup plugin: the list it gives for {@code terms} (plain values) and named options. */
    @FunctionalInterface
    interface Plugin {
        List<Object> run(List<Object> terms, Map<String, Object> options, Context context);
    }

    /** A lookup that cannot give a value; {@code errors='ignore'} turns it into none. */
    static final class LookupError extends RuntimeException {
        private final String hint;

        LookupError(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }

    static final Map<String, Plugin> TABLE = Map.ofEntries(
            Map.entry("file", LookupPlugins::file),
            Map.entry("env", LookupPlugins::env),
            Map.entry("template", LookupPlugins::template),
            Map.entry("items", (terms, o, c) -> flatten(terms, 1)),
            Map.entry("list", (terms, o, c) -> terms),
            Map.entry("flattened", (terms, o, c) -> flatten(terms, Integer.MAX_VALUE)),
            Map.entry("indexed_items", LookupPlugins::indexedItems),
            Map.entry("dict", LookupPlugins::dict),
            Map.entry("together", LookupSequences::together),
            Map.entry("nested", LookupSequences::nested),
            Map.entry("sequence", LookupSequences::sequence),
            Map.entry("subelements", LookupSubelements::subelements),
            Map.entry("first_found", LookupFiles::firstFound),
            Map.entry("fileglob", LookupFiles::fileglob),
            Map.entry("pipe", (terms, o, c) -> LookupFiles.pipe(terms, c, false)),
            Map.entry("lines", (terms, o, c) -> LookupFiles.pipe(terms, c, true)),
            Map.entry("vars", LookupPlugins::vars),
            Map.entry("varnames", LookupPlugins::varnames),
            Map.entry("csvfile", LookupCsv::csvfile),
            Map.entry("ini", LookupIni::ini),
            Map.entry("unvault", LookupPlugins::unvault),
            Map.entry("config", LookupConfig::config),
            Map.entry("inventory_hostnames", LookupPlugins::inventoryHostnames),
            Map.entry("password", LookupPassword::password),
            Map.entry("random_choice", (terms, o, c) -> terms.isEmpty() ? terms
                    : List.of(terms.get(new java.util.Random().nextInt(terms.size())))));

    private LookupPlugins() {
    }

    private static List<Object> file(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            Path path = context.find("files", Values.str(term));
            if (path == null) throw new LookupError("could not locate file in lookup: " + term, null);
            String text = context.read(path);
            if (Values.truthy(options.getOrDefault("lstrip", false))) text = text.stripLeading();
            if (Values.truthy(options.getOrDefault("rstrip", true))) text = text.stripTrailing();
            out.add(text);
        }
        return out;
    }

    /** A file's text as written, decrypted when it is vault data (Ansible's {@code unvault}). */
    private static List<Object> unvault(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            Path path = context.find("files", Values.str(term));
            if (path == null) throw new LookupError("Unable to find file matching \"" + term + "\" ", null);
            out.add(context.read(path));
        }
        return out;
    }

    private static List<Object> env(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        Object fallback = options.getOrDefault("default", "");
        for (Object term : terms) {
            String value = System.getenv(Values.str(term));
            out.add(value != null ? value : fallback);
        }
        return out;
    }

    private static List<Object> template(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            Path path = context.find("templates", Values.str(term));
            if (path == null) throw new LookupError("the template file " + term + " could not be found for the lookup", null);
            JinjaOverrides header = JinjaOverrides.of(context.read(path));
            String source = TemplateDelimiters.rewrite(header.body(), header.delimiters(delimiters(options)));
            Map<String, Object> termVars = new LinkedHashMap<>(context.state().vars());
            termVars.putAll(TemplateVars.of(Values.str(term), path, null));
            if (options.get("template_vars") instanceof Map<?, ?> more) more.forEach((k, v) -> termVars.put(String.valueOf(k), v));
            SourcePosition at = new SourcePosition(path, 1, 1);
            if (nativeTemplate(options, context.state())) {
                out.add(new JinjavaTemplar(message -> { }, context.state().plugins(), context.state().vault(), true).render(source, termVars, at));
                continue;
            }
            String text = new JinjavaTemplar(message -> { }, context.state().plugins(), context.state().vault()).renderText(source, termVars, at);
            if (text == null) throw new LookupError("the template " + term + " depends on a value known only after apply", null);
            out.add(text);
        }
        return out;
    }

    /**
     * Whether the template lookup renders with native types: its {@code jinja2_native} option, only
     * when jinja2_native is on for the run too; else its result is text, never read back as a value.
     */
    static boolean nativeTemplate(Map<String, Object> options, RenderState state) {
        return state.nativeTypes() && Values.truthy(options.get("jinja2_native"));
    }

    // the lookup's block/variable/comment start and end strings, defaults where not given
    private static String[] delimiters(Map<String, Object> options) {
        String[] names = {"block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string"};
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) out[i] = Values.str(options.getOrDefault(names[i], TemplateDelimiters.STANDARD[i]));
        return out;
    }

    private static List<Object> indexedItems(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> items = flatten(terms, 1);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) out.add(List.of(i, items.get(i) == null ? "" : items.get(i)));
        return out;
    }

    private static List<Object> dict(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof Map<?, ?> map)) throw new LookupError("with_dict expects a dict", null);
            map.forEach((k, v) -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", k);
                item.put("value", v);
                out.add(item);
            });
        }
        return out;
    }

    private static List<Object> vars(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String name = identifier(term, "its a");
            if (context.state().vars().containsKey(name)) {
                out.add(Values.toPlain(context.state().lookup(name)));
            } else if (options.get("default") != null) {
                out.add(options.get("default"));
            } else {
                throw new LookupError("No variable found with this name: " + name, null);
            }
        }
        return out;
    }

    private static List<Object> varnames(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String regex = identifier(term, "it is a");
            java.util.regex.Pattern p;
            try {
                p = RegexFilters.compile("varnames", regex, false, false);
            } catch (io.swarmplay.template.filters.FilterException e) {
                String why = e.getMessage().substring(e.getMessage().indexOf("': ") + 3);
                throw new LookupError("Unable to use \"" + regex + "\" as a search parameter: " + why, null);
            }
            context.state().vars().keySet().stream().filter(k -> p.matcher(k).find()).forEach(out::add);
        }
        return out;
    }

    /**
     * The hosts the patterns select, as Ansible's plugin finds them: in an inventory made of the
     * {@code groups} variable (so {@code add_host}/{@code group_by} changes count).
     */
    private static List<Object> inventoryHostnames(List<Object> terms, Map<String, Object> options, Context context) {
        Map<String, List<String>> groupsOf = new LinkedHashMap<>();
        if (Values.toPlain(context.state().vars().get("groups")) instanceof Map<?, ?> groups) {
            if (groups.get("all") instanceof List<?> all) all.forEach(h -> groupsOf.put(Values.str(h), new ArrayList<>()));
            groups.forEach((group, hosts) -> {
                if (!(hosts instanceof List<?> list)) return;
                for (Object host : list) {
                    List<String> of = groupsOf.computeIfAbsent(Values.str(host), h -> new ArrayList<>());
                    if (!"all".equals(group) && !"ungrouped".equals(group)) of.add(Values.str(group));
                }
            });
        }
        Inventory inventory = Inventory.empty();
        for (Map.Entry<String, List<String>> host : groupsOf.entrySet()) inventory = inventory.withHost(host.getKey(), Map.of(), host.getValue());
        java.util.Set<Object> out = new java.util.LinkedHashSet<>();
        for (Object term : terms) inventory.select(Values.str(term)).forEach(h -> out.add(h.name()));
        return new ArrayList<>(out);
    }

    /** A term that names something must be a string, as Ansible's vars/varnames/config lookups say. */
    static String identifier(Object term, String itIs) {
        if (term instanceof String s) return s;
        throw new LookupError("Invalid setting identifier, \"" + Values.str(term) + "\" is not a string, " + itIs
                + " <class '" + TypeFilters.pythonType(term) + "'>", null);
    }

    /** Flattens lists {@code levels} deep, as Ansible's {@code _flatten} does one level. */
    static List<Object> flatten(List<Object> terms, int levels) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            if (term instanceof List<?> inner && levels > 0) out.addAll(flatten(new ArrayList<>(inner), levels - 1));
            else out.add(term);
        }
        return out;
    }

    /** What a plugin may use of the render it runs in. */
    record Context(RenderState state) {

        Context {
            Objects.requireNonNull(state, "lookups run inside a render");
        }

        /** A control-node file's text, as Ansible's loader reads it: vault data is decrypted. */
        String read(Path path) {
            String text = LookupFiles.read(path);
            if (!Vault.isEncrypted(text)) return text;
            try {
                return state.vault().decrypt(text);
            } catch (Vault.VaultException e) {
                throw new LookupError(path.getFileName() + ": " + e.getMessage(), e.hint());
            }
        }

        /** {@code text} rendered with the render's variables; null when it names an undefined variable. */
        String renderOrNull(String text) {
            if (!text.contains("{{") && !text.contains("{%")) return text;
            try {
                Object out = new JinjavaTemplar(message -> { }, state.plugins(), state.vault()).render(text, state.vars(), state.at());
                return Values.str(Unsafe.strip(out));
            } catch (TemplateException e) {
                if (e.undefined()) return null;
                throw new LookupError(e.summary(), e.hint());
            }
        }

        /** The control node's base directory: {@code playbook_dir}, else the working directory. */
        Path baseDir() {
            Object dir = Values.toPlain(state.vars().get("playbook_dir"));
            return dir instanceof String s ? Path.of(s) : Path.of("").toAbsolutePath();
        }

        /**
         * Finds {@code name} like Ansible's {@code path_dwim_relative_stack}: absolute as is; else
         * in each of {@code role_path}, the task file's directory (and its role when it is a role's
         * {@code tasks/}) and the base directory, first under {@code subdir}, then directly.
         */
        Path find(String subdir, String name) {
            if (name.startsWith("~")) name = System.getProperty("user.home") + name.substring(1);
            if (name.startsWith("/")) return Files.exists(Path.of(name)) ? Path.of(name) : null;
            for (Path dir : searchPath()) {
                Path inSubdir = dir.resolve(subdir).resolve(name).normalize();
                if (!name.startsWith(subdir + "/") && Files.exists(inSubdir)) return inSubdir;
                if (Files.exists(dir.resolve(name))) return dir.resolve(name).normalize();
            }
            return null;
        }

        /** Ansible's search path of the render: the role, the task file's directory, then the base directory. */
        List<Path> searchPath() {
            List<Path> dirs = new ArrayList<>();
            if (Values.toPlain(state.vars().get("role_path")) instanceof String role) dirs.add(Path.of(role));
            SourcePosition at = state.at();
            if (at.file() != null && at.file().toAbsolutePath().getParent() != null) {
                Path taskDir = at.file().toAbsolutePath().getParent();
                if (taskDir.getFileName() != null && taskDir.getFileName().toString().equals("tasks")) {
                    dirs.add(taskDir.getParent());
                }
                dirs.add(taskDir);
            }
            dirs.add(baseDir());
            return dirs.stream().distinct().toList();
        }

        /** The entries of {@code dir} matching the glob {@code pattern}, sorted. */
        List<Path> glob(Path dir, String pattern) {
            List<Path> out = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, pattern)) {
                entries.forEach(out::add);
            } catch (IOException e) {
                return List.of();
            }
            out.sort(null);
            return out;
        }

        String percent(String format, Object value) {
            return PythonPercent.format(format, value);
        }
    }
}
