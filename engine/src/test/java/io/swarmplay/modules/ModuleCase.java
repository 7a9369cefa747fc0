package io.swarmplay.modules;

import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code modules/<module>/<case>.yaml}: the host as the module finds it ({@code files},
 * {@code probes}, {@code expressions}, {@code facts}, {@code control_files}), the task's
 * {@code args}, canned {@code runs} for apply, and what is expected.
 */
record ModuleCase(String module, String name, Path file, Map<String, Object> yaml) {

    /** Read with the YAML 1.2 core schema, as swarmplay's loader does ({@code 0644} is the integer 644). */
    static ModuleCase load(Path file) {
        try {
            Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setLabel(file.toString()).build());
            @SuppressWarnings("unchecked")
            Map<String, Object> yaml = (Map<String, Object>) load.loadFromString(Files.readString(file));
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            return new ModuleCase(file.getParent().getFileName().toString(), name, file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return module + "/" + name;
    }

    boolean has(String key) {
        return yaml.containsKey(key);
    }

    Object get(String key) {
        return yaml.get(key);
    }

    @SuppressWarnings("unchecked")
    <T> Map<String, T> map(String key) {
        Object value = yaml.get(key);
        return value == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, T>) value);
    }

    /** The rendered task arguments; a string is the module's free-form argument. */
    Map<String, Object> args(String freeForm) {
        Object args = yaml.get("args");
        if (args instanceof String text) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(freeForm, text);
            return map;
        }
        return map("args");
    }

    /** The host before the task, with control files written under {@code controlDir}. */
    FakeHostView host(Path controlDir) {
        Map<String, FakeHostView.FakeFile> files = FakeHostView.files();
        map("files").forEach((path, spec) -> files.put(FakeHostView.normalize(path), fakeFile(spec)));
        writeControlFiles(controlDir);
        return new FakeHostView((String) yaml.getOrDefault("host", "web1"), files, results("probes"),
                map("expressions"), map("facts"), List.of(controlDir, file.getParent()));
    }

    Map<String, ExecResult> results(String key) {
        Map<String, ExecResult> results = new LinkedHashMap<>();
        map(key).forEach((line, spec) -> results.put(line, result(spec)));
        return results;
    }

    private static ExecResult result(Object spec) {
        if (spec instanceof Number rc) return FakeHostView.result(rc.intValue(), "", "");
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) spec;
        int rc = ((Number) m.getOrDefault("rc", 0)).intValue();
        boolean timedOut = Boolean.TRUE.equals(m.get("timed_out"));
        return new ExecResult(rc, (String) m.getOrDefault("stdout", ""), (String) m.getOrDefault("stderr", ""),
                timedOut ? "KILL" : null, timedOut, java.time.Duration.ofMillis(3));
    }

    @SuppressWarnings("unchecked")
    private static FakeHostView.FakeFile fakeFile(Object spec) {
        Map<String, Object> m = spec instanceof String s ? Map.of("content", s) : (Map<String, Object>) spec;
        FileStat.Type type = FileStat.Type.valueOf(((String) m.getOrDefault("type", "file")).toUpperCase());
        int defaultMode = type == FileStat.Type.DIRECTORY ? 0755 : type == FileStat.Type.LINK ? 0777 : 0644;
        byte[] content = ((String) m.getOrDefault("content", "")).getBytes(StandardCharsets.UTF_8);
        return new FakeHostView.FakeFile(type, content, octal(m.get("mode"), defaultMode),
                (String) m.getOrDefault("owner", "root"), (String) m.getOrDefault("group", "root"), (String) m.get("target"));
    }

    /** A mode written as {@code "0644"} or {@code 644} in a case file. */
    static int octal(Object mode, int fallback) {
        return mode == null ? fallback : Integer.parseInt(mode.toString(), 8);
    }

    private void writeControlFiles(Path controlDir) {
        map("control_files").forEach((path, content) -> {
            try {
                Path target = controlDir.resolve(path);
                Files.createDirectories(target.getParent());
                Files.writeString(target, (String) content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
