package io.swarmplay.cli;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourceFile;
import io.swarmplay.source.SourcePosition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's configuration as ansible-playbook 2.14 finds it: the first of {@code $ANSIBLE_CONFIG}
 * (a file, or a directory holding {@code ansible.cfg}), {@code ./ansible.cfg},
 * {@code ~/.ansible.cfg} and {@code /etc/ansible/ansible.cfg}, read as Python's
 * {@code configparser} does, with the {@code ANSIBLE_*} environment variables over it. Only the
 * {@link Setting}s are read; other keys are warnings. Bad values are load errors at their line.
 */
final class AnsibleConfig {

    private static final Pattern SECTION = Pattern.compile("^\\[([^\\]]+)\\]\\s*$");
    private static final Pattern OPTION = Pattern.compile("^([^=:\\s][^=:]*?)\\s*[=:]\\s*(.*)$");
    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t", "1.0");
    private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f", "0.0");

    /** A value and where it came from: its position in the file, or (origin) the environment variable. */
    private record Value(String text, SourcePosition at, String origin) {
    }

    private final Path file;
    private final Map<Setting, Value> values;
    private final Diagnostics diagnostics;
    private final Set<Setting> reported = java.util.EnumSet.noneOf(Setting.class);

    private AnsibleConfig(Path file, Map<Setting, Value> values, Diagnostics diagnostics) {
        this.file = file;
        this.values = values;
        this.diagnostics = diagnostics;
    }

    /** The configuration for this process: {@code env} and the files named above; problems go to {@code diagnostics}. */
    static AnsibleConfig load(Map<String, String> env, Path cwd, String home, Diagnostics diagnostics) {
        Path file = find(env, cwd, home).orElse(null);
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        if (file != null) values.putAll(new Reader(diagnostics).read(file));
        for (Setting s : Setting.values()) {
            String v = env.get(s.env);
            if (v != null) values.put(s, new Value(v, SourcePosition.UNKNOWN, "environment variable " + s.env));
        }
        return new AnsibleConfig(file, values, diagnostics);
    }

    /** The configuration file Ansible would use, if any. */
    static Optional<Path> find(Map<String, String> env, Path cwd, String home) {
        List<Path> candidates = new ArrayList<>();
        String named = env.get("ANSIBLE_CONFIG");
        if (named != null && !named.isBlank()) {
            Path p = Path.of(expandHome(named, home));
            candidates.add(Files.isDirectory(p) ? p.resolve("ansible.cfg") : p);
        }
        candidates.add(cwd.resolve("ansible.cfg"));
        if (home != null) candidates.add(Path.of(home, ".ansible.cfg"));
        candidates.add(Path.of("/etc/ansible/ansible.cfg"));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** The file read, if one was found. */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The value as written, if the file or the environment sets it. */
    Optional<String> string(Setting s) {
        return Optional.ofNullable(values.get(s)).map(Value::text);
    }

    Optional<Integer> integer(Setting s) {
        Value v = values.get(s);
        if (v == null) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(v.text().strip()));
        } catch (NumberFormatException e) {
            invalid(s, v, "a whole number");
            return Optional.empty();
        }
    }

    Optional<Boolean> bool(Setting s) {
        Value v = values.get(s);
        if (v == null) return Optional.empty();
        String text = v.text().strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(text)) return Optional.of(true);
        if (FALSE.contains(text)) return Optional.of(false);
        invalid(s, v, "true or false");
        return Optional.empty();
    }

    /**
     * The paths of a path or path-list setting: {@code ~} expanded, and a relative path taken
     * from the configuration file's directory when the file set it (Ansible's {@code path} types).
     */
    List<String> paths(Setting s, String home) {
        Value v = values.get(s);
        if (v == null) return List.of();
        String separator = s.type == Setting.Type.PATH_SPEC ? ":" : ",";
        List<String> out = new ArrayList<>();
        for (String part : s.type == Setting.Type.PATH ? new String[]{v.text()} : v.text().split(separator)) {
            if (part.isBlank()) continue;
            out.add(resolve(part.strip(), v, home));
        }
        return out;
    }

    private String resolve(String path, Value v, String home) {
        String expanded = expandHome(path, home);
        // a comma list of hosts is not a path: keep it as written
        if (expanded.contains(",") || v.at() == SourcePosition.UNKNOWN || file == null || Path.of(expanded).isAbsolute()) {
            return expanded;
        }
        Path base = file.toAbsolutePath().getParent();
        return base.resolve(expanded).normalize().toString();
    }

    /** Reports every value that does not read as its setting's type (once, at load). */
    void check() {
        for (Setting s : values.keySet()) {
            if (s.type == Setting.Type.BOOLEAN) bool(s);
            if (s.type == Setting.Type.INTEGER) integer(s);
        }
    }

    /** Host variable defaults the settings give ({@code remote_user} is {@code ansible_user}, ...), below the inventory. */
    Map<String, Object> hostVarDefaults(String home) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            if (s.hostVar == null || !values.containsKey(s)) continue;
            Object value = switch (s.type) {
                case BOOLEAN -> bool(s).orElse(null);
                case INTEGER -> integer(s).orElse(null);
                case PATH -> paths(s, home).stream().findFirst().orElse(null);
                default -> values.get(s).text();
            };
            if (value != null) defaults.put(s.hostVar, value);
        }
        return defaults;
    }

    private void invalid(Setting s, Value v, String expected) {
        if (!reported.add(s)) return;
        String from = v.origin() == null ? "" : " (from " + v.origin() + ")";
        Diagnostic d = Diagnostic.error("invalid value '" + v.text() + "' for " + s.key + from + ": expected " + expected, v.at());
        diagnostics.add(v.at().isKnown() ? d.withWidth(Math.max(1, v.text().length())) : d);
    }

    private static String expandHome(String path, String home) {
        if (home != null && (path.equals("~") || path.startsWith("~/"))) return home + path.substring(1);
        return path;
    }

    /** Python's {@code configparser} for one file: sections, {@code key = value} or {@code key: value}, comments. */
    private static final class Reader {
        private final Diagnostics diagnostics;

        Reader(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        Map<Setting, Value> read(Path path) {
            SourceFile source;
            try {
                source = SourceFile.read(path);
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error("cannot read configuration file " + path + ": " + e.getMessage(), SourcePosition.UNKNOWN));
                return Map.of();
            }
            diagnostics.addSource(source);
            Map<Setting, Value> values = new EnumMap<>(Setting.class);
            String section = null;
            for (int i = 0; i < source.lines().size(); i++) {
                String raw = source.lines().get(i);
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
                SourcePosition at = new SourcePosition(path, i + 1, raw.indexOf(line.charAt(0)) + 1);
                Matcher header = SECTION.matcher(line);
                if (header.matches()) {
                    section = header.group(1).strip();
                } else if (Character.isWhitespace(raw.charAt(0)) && section != null) {
                    continue; // a continuation line: none of the settings read here spans lines
                } else {
                    option(source, line, at, section, values);
                }
            }
            return values;
        }

        private void option(SourceFile source, String line, SourcePosition at, String section, Map<Setting, Value> values) {
            Matcher m = OPTION.matcher(line);
            if (section == null || !m.matches()) {
                diagnostics.add(Diagnostic.error(section == null ? "ansible.cfg: a setting before any [section]"
                                : "ansible.cfg: expected key = value, got '" + line + "'", at).withWidth(line.length())
                        .withHint("write settings as `key = value` under a section such as [defaults]"));
                return;
            }
            String key = m.group(1).strip().toLowerCase(Locale.ROOT);
            String value = withoutInlineComment(m.group(2));
            Optional<Setting> setting = Setting.of(section, key);
            if (setting.isEmpty()) {
                diagnostics.add(Diagnostic.warning("ansible.cfg: [" + section + "] " + key + " is not read by swarmplay; ignored", at)
                        .withWidth(key.length()).withHint(unknownHint(section, key)));
                return;
            }
            int column = at.column() + line.indexOf(value, m.start(2));
            values.put(setting.get(), new Value(value, new SourcePosition(at.file(), at.line(), column), null));
        }

        // configparser(inline_comment_prefixes=(';',)): a ';' after a blank starts a comment
        private static String withoutInlineComment(String value) {
            Matcher m = Pattern.compile("\\s;").matcher(value);
            return (m.find() ? value.substring(0, m.start()) : value).strip();
        }

        private static String unknownHint(String section, String key) {
            for (Setting s : Setting.values()) {
                if (s.key.equals(key)) return "swarmplay reads " + key + " under [" + s.section + "], as Ansible does";
            }
            StringBuilder read = new StringBuilder("swarmplay reads:");
            for (Setting s : Setting.values()) read.append(" [").append(s.section).append("] ").append(s.key).append(',');
            return read.substring(0, read.length() - 1);
        }
    }
}
