package io.swarmplay.template.python;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.TemplatePlugins;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ansible's Python filter and test plugins, run by one Python process per run: the one owner of
 * that process. Nothing starts until a template first uses a filter or test (then the process
 * starts, loads every plugin file and lists the names); {@link #close} ends it. Calls from
 * several threads take turns.
 */
public final class PythonPlugins implements TemplatePlugins, AutoCloseable {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final PluginDirs dirs;
    private final List<Path> files;
    private final Path python;
    private PluginProcess process;
    private Map<Kind, Map<String, String>> names;
    private final List<String> problems = new ArrayList<>();
    /** Files skipped without a warning, as ansible-core 2.14 does when {@code filters()} fails: said only in hints. */
    private final List<String> quietProblems = new ArrayList<>();
    /** Set when the process cannot be used any more: every later call fails with it. */
    private String broken;

    private PythonPlugins(PluginDirs dirs, Path python) {
        this.dirs = dirs;
        this.files = dirs.files();
        this.python = python;
    }

    /**
     * The plugins in {@code dirs}, run with {@code python} (null when none was found: then any
     * use fails, and {@link #missingPython} says so at load).
     */
    public static PythonPlugins of(PluginDirs dirs, Path python) {
        return new PythonPlugins(dirs, python);
    }

    /** The plugin files found (for messages). */
    public List<Path> files() {
        return files;
    }

    /** Whether there are plugin files but no Python to run them. */
    public boolean missingPython() {
        return python == null && !files.isEmpty();
    }

    /** The load error for plugin files without a Python to run them, if that is the case. */
    public Optional<Diagnostic> loadProblem() {
        if (!missingPython()) return Optional.empty();
        return Optional.of(Diagnostic.error("the Python plugins " + files + " need a Python 3 interpreter, and none was found"
                        + " (tried " + PythonInterpreter.TRIED + ")", SourcePosition.UNKNOWN)
                .withHint("install python3, or set " + PythonInterpreter.ENV + " to the path of a Python 3 interpreter"));
    }

    @Override
    public boolean isEmpty() {
        return files.isEmpty();
    }

    @Override
    public synchronized Set<String> names(Kind kind) {
        load();
        return names.get(kind).keySet();
    }

    @Override
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public synchronized List<String> skipped() {
        List<String> all = new ArrayList<>(problems);
        all.addAll(quietProblems);
        return all;
    }

    @Override
    public Object call(Kind kind, String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        PluginProcess running;
        String path;
        synchronized (this) {
            load();
            path = names.get(kind).get(name);
            if (broken != null) throw new PluginException(kind.word + " '" + name + "' could not run: " + broken, hint(path));
            running = process;
        }
        Map<String, Object> answer;
        try {
            answer = running.request(callRequest(kind, name, value, args, kwargs), CALL_TIMEOUT);
        } catch (PluginProcess.Broken e) {
            synchronized (this) {
                broken = e.getMessage();
            }
            throw new PluginException(kind.word + " '" + name + "' could not run: " + e.getMessage(), hint(path));
        }
        if (Boolean.TRUE.equals(answer.get("ok"))) return answer.get("value");
        throw failure(kind, name, path, answer);
    }

    /** {@code name(value, *args, **kwargs)} as the host script reads it. */
    private static Map<String, Object> callRequest(Kind kind, String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        List<Object> all = new ArrayList<>();
        all.add(value);
        all.addAll(args);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "call");
        request.put("kind", kind.word);
        request.put("name", name);
        request.put("args", all);
        request.put("kwargs", kwargs);
        return request;
    }

    private PluginException failure(Kind kind, String name, String path, Map<String, Object> answer) {
        String error = String.valueOf(answer.get("error"));
        if (Boolean.TRUE.equals(answer.get("not_json"))) {
            return new PluginException(kind.word + " '" + name + "' " + error.replaceFirst("^it ", ""),
                    "swarmplay takes JSON values from Python plugins: mappings, lists, strings, numbers, booleans and null");
        }
        String missing = answer.get("missing") instanceof String m ? m : null;
        return new PluginException(kind.word + " '" + name + "' failed: " + error,
                missing != null ? missingModule(path, missing) : hint(path));
    }

    private static String hint(String path) {
        return path == null ? null : "the error comes from the Python plugin " + path;
    }

    private String missingModule(String path, String module) {
        String what = module.equals("ansible") || module.startsWith("ansible.") ? "ansible-core (" + module + ")" : "'" + module + "'";
        return "the plugin " + (path == null ? "" : path + " ") + "needs the Python module " + what + ", which " + python
                + " cannot import: install it for that interpreter, or set " + PythonInterpreter.ENV + " to a Python 3 that has it";
    }

    // the first use: start the process and load every file; a failure leaves no names and says why
    private void load() {
        if (names != null) return;
        noNames();
        if (files.isEmpty()) return;
        if (python == null) {
            broken = "no Python 3 interpreter was found (tried " + PythonInterpreter.TRIED + ")";
            problems.add("the Python plugins cannot be loaded: " + broken);
            return;
        }
        try {
            process = PluginProcess.start(python);
            read(process.request(Map.of("op", "load", "dirs", dirsByWord()), LOAD_TIMEOUT));
        } catch (IOException e) {
            broken = "cannot start " + python + ": " + e.getMessage();
            problems.add("the Python plugins cannot be loaded: " + broken);
        } catch (PluginProcess.Broken e) {
            broken = e.getMessage();
            problems.add("the Python plugins cannot be loaded: " + broken);
        }
    }

    private Map<String, List<String>> dirsByWord() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) out.put(kind.word, dirs.of(kind).stream().map(Path::toString).toList());
        return out;
    }

    private void noNames() {
        names = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) names.put(kind, Map.of());
    }

    @SuppressWarnings("unchecked")
    private void read(Map<String, Object> answer) {
        Map<String, Map<String, String>> found = (Map<String, Map<String, String>>) answer.get("names");
        for (Kind kind : Kind.values()) names.put(kind, Map.copyOf(found.getOrDefault(kind.word, Map.of())));
        for (Object p : (List<Object>) answer.get("problems")) {
            Map<String, Object> problem = (Map<String, Object>) p;
            String path = String.valueOf(problem.get("path"));
            String missing = problem.get("missing") instanceof String m ? m : null;
            String because = missing != null ? " (" + missingModule(null, missing) + ")" : "";
            if ("import".equals(problem.get("stage"))) {
                problems.add("Skipping plugin (" + path + "), cannot load: " + problem.get("message") + because); // Ansible's words
            } else {
                quietProblems.add("the plugin file " + path + " was skipped: " + problem.get("error") + because);
            }
        }
    }

    /** Ends the process (if one was started) and waits for it. */
    @Override
    public synchronized void close() {
        if (process != null) process.close();
        process = null;
        if (names == null) noNames(); // nothing starts after the end
        if (broken == null) broken = "the run has ended";
    }
}
