package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ValueUnknownException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory host for module case tests: files with modes and owners, canned probe results by
 * command line, expressions with given values, and control-node files in a directory. Every
 * probe is recorded. Parent directories of listed files exist implicitly.
 */
class FakeHostView implements HostView {

    /** One file on the fake host. */
    record FakeFile(FileStat.Type type, byte[] content, int mode, String owner, String group, String target) {
        FileStat stat() {
            return new FileStat(type, mode, content.length, owner, group, target);
        }
    }

    /** The marker an expression value uses to stand for "known only after apply". */
    static final String UNKNOWN = "<unknown>";

    final String name;
    final Map<String, FakeFile> files;
    final Map<String, ExecResult> probes;
    final Map<String, Object> expressions;
    final Map<String, Object> facts;
    final List<Path> controlDirs;
    final List<String> probed = new ArrayList<>();

    FakeHostView(String name, Map<String, FakeFile> files, Map<String, ExecResult> probes,
                 Map<String, Object> expressions, Map<String, Object> facts, List<Path> controlDirs) {
        this.name = name;
        this.files = files;
        this.probes = probes;
        this.expressions = expressions;
        this.facts = facts;
        this.controlDirs = controlDirs;
    }

    static ExecResult result(int rc, String stdout, String stderr) {
        return new ExecResult(rc, stdout, stderr, null, false, Duration.ofMillis(3));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExecResult probe(Command command) {
        String line = command.toShellLine();
        probed.add(line);
        ExecResult result = probes.containsKey(line) ? probes.get(line) : ownersOf(line);
        if (result == null) throw new AssertionError("unexpected probe on " + name + ": " + line + " (add it to probes:)");
        return result;
    }

    private static final Pattern OWNERS_PROBE = Pattern.compile("stat -c '%u\\|%g\\|%U\\|%G\\|%a' -- (\\S+)");

    /** The owners probe a file write ends with, answered from the file table (uid and gid 0). */
    private ExecResult ownersOf(String line) {
        Matcher m = OWNERS_PROBE.matcher(line);
        if (!m.matches()) return null;
        FakeFile file = files.get(normalize(m.group(1).replace("'", "")));
        return file == null ? result(1, "", "No such file")
                : result(0, "0|0|" + file.owner() + "|" + file.group() + "|" + Integer.toOctalString(file.mode()) + "\n", "");
    }

    @Override
    public Optional<FileStat> stat(String path) {
        FakeFile file = files.get(normalize(path));
        if (file != null) return Optional.of(file.stat());
        String prefix = normalize(path).equals("/") ? "/" : normalize(path) + "/";
        boolean implied = files.keySet().stream().anyMatch(p -> p.startsWith(prefix));
        return implied ? Optional.of(new FileStat(FileStat.Type.DIRECTORY, 0755, 4096, "root", "root", null)) : Optional.empty();
    }

    @Override
    public Optional<String> sha256(String path) {
        FakeFile file = files.get(normalize(path));
        if (file == null || file.type() != FileStat.Type.FILE) return Optional.empty();
        try {
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.content())));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void readInto(String path, OutputStream sink) {
        FakeFile file = files.get(normalize(path));
        if (file == null || file.type() != FileStat.Type.FILE) throw new ModuleException("no such file: " + path);
        try {
            sink.write(file.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object evaluate(String expression) {
        if (!expressions.containsKey(expression)) {
            throw new AssertionError("the case does not define expression '" + expression + "' (add it to expressions:)");
        }
        Object value = expressions.get(expression);
        if (UNKNOWN.equals(value)) throw new ValueUnknownException("'" + expression + "' is known only after apply");
        return value;
    }

    @Override
    public boolean test(String expression) {
        Object value = evaluate(expression);
        return value instanceof Boolean b ? b : value != null && !value.toString().isEmpty();
    }

    /** Like Ansible: {@code <dir>/<kind>/<path>}, then {@code <dir>/<path>}, for each control directory. */
    @Override
    public Path controlFile(String path, String kind) {
        if (path.startsWith("/")) return Path.of(path);
        for (Path dir : controlDirs) {
            for (Path candidate : List.of(dir.resolve(kind).resolve(path), dir.resolve(path))) {
                if (Files.exists(candidate)) return candidate;
            }
        }
        return controlDirs.get(0).resolve(kind).resolve(path);
    }

    /** Replaces {@code {{ name }}} with the case's facts: enough Jinja for module tests. */
    @Override
    public String renderTemplate(Path template) {
        try {
            Matcher m = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}").matcher(Files.readString(template));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                if (!facts.containsKey(m.group(1))) throw new AssertionError("template uses undefined fact " + m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(facts.get(m.group(1)))));
            }
            return m.appendTail(out).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalize(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static FakeFile file(String content, int mode) {
        return new FakeFile(FileStat.Type.FILE, content.getBytes(StandardCharsets.UTF_8), mode, "root", "root", null);
    }

    static Map<String, FakeFile> files() {
        return new LinkedHashMap<>();
    }
}
