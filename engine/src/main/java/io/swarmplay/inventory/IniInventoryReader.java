package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.PythonLiteral;
import io.swarmplay.source.SourceFile;
import io.swarmplay.source.SourcePosition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one INI inventory file as Ansible 2.14's {@code ini} inventory plugin does:
 * <ul>
 *   <li>{@code [group]} lists hosts, one per line: a host pattern ({@code web[01:10]},
 *       {@code db1:2222}) then {@code key=value} variables split like a shell line
 *       ({@code #} starts a comment);</li>
 *   <li>{@code [group:vars]} holds {@code key=value} lines, {@code [group:children]} group names;</li>
 *   <li>lines before any section belong to {@code ungrouped}; {@code #} and {@code ;} lines are comments;</li>
 *   <li>values are Python literals where they parse as one ({@code 1}, {@code True},
 *       {@code [1, 2]}, {@code 'text'}), else the text as written.</li>
 * </ul>
 * A {@code [g:vars]} section for a group no section declares, or a child group never declared, is
 * an error, as in Ansible.
 */
final class IniInventoryReader {

    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$");
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");
    private static final List<String> STATES = List.of("hosts", "children", "vars");
    private static final String UNKNOWN_SECTION = "unknown";

    private final InventoryBuilder builder;
    private final Diagnostics diagnostics;
    private final SourceFile source;
    /** Groups named by a {@code :vars} or {@code :children} section but not declared yet, with where. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private String group = Inventory.UNGROUPED;
    private String state = "hosts";

    /** Parents whose {@code :children} section named a group before any section declared it, per child. */
    private final Map<String, List<Edge>> waitingParents = new LinkedHashMap<>();

    private record Pending(String state, SourcePosition at, int width, String parent) {
    }

    private record Edge(String parent, SourcePosition at) {
    }

    IniInventoryReader(InventoryBuilder builder, Diagnostics diagnostics, SourceFile source) {
        this.builder = builder;
        this.diagnostics = diagnostics;
        this.source = source;
    }

    void read() {
        diagnostics.addSource(source);
        for (int i = 0; i < source.lines().size(); i++) {
            String raw = source.lines().get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            readLine(line, i + 1, raw.indexOf(line.charAt(0)) + 1);
        }
        pending.forEach(this::reportUndeclared);
    }

    private void readLine(String line, int lineNo, int column) {
        SourcePosition at = new SourcePosition(source.path(), lineNo, column);
        Matcher section = SECTION.matcher(line);
        if (section.matches()) {
            enterSection(section.group(1), section.group(2), at, line);
        } else if (line.startsWith("[") && line.endsWith("]")) {
            error("invalid section entry '" + line + "'", at, line.length(),
                    "a section is [group], [group:vars] or [group:children], with no spaces in it");
        } else {
            switch (state) {
                case "vars" -> readVariable(line, at);
                case "children" -> readChild(line, at);
                case UNKNOWN_SECTION -> { } // reported once, at the section
                default -> readHost(line, at);
            }
        }
    }

    private void enterSection(String name, String kind, SourcePosition at, String line) {
        String newState = kind == null ? "hosts" : kind;
        if (!STATES.contains(newState)) {
            error("section [" + name + ":" + kind + "] has unknown type '" + kind + "'", at, line.length(),
                    "the type after ':' is vars or children");
            newState = UNKNOWN_SECTION;
        }
        group = name;
        state = newState;
        if (!builder.hasGroup(name) && !pending.containsKey(name)) pending.put(name, new Pending(newState, at, line.length(), null));
        builder.group(name);
        if (!newState.equals("vars")) declare(name);
    }

    /** A {@code [name]} or {@code [name:children]} section declares the group: parents waiting for it get it. */
    private void declare(String name) {
        pending.remove(name);
        List<Edge> parents = waitingParents.remove(name);
        if (parents != null) for (Edge e : parents) builder.child(e.parent(), name, e.at());
    }

    private void readVariable(String line, SourcePosition at) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            error("expected key=value, got '" + line + "'", at, line.length(),
                    "a [" + group + ":vars] section holds one variable per line, such as `ntp_server=ntp.example.com`");
            return;
        }
        // a singleton map: None is a value (null)
        builder.groupVars(group, Collections.singletonMap(line.substring(0, eq).strip(), valueOf(line.substring(eq + 1).strip())));
    }

    private void readChild(String line, SourcePosition at) {
        Matcher m = GROUP_NAME.matcher(line);
        if (!m.matches()) {
            error("expected a group name, got '" + line + "'", at, line.length(),
                    "a [" + group + ":children] section holds one group name per line");
            return;
        }
        String child = m.group(1);
        if (builder.hasGroup(child)) {
            builder.child(group, child, at);
            return;
        }
        waitingParents.computeIfAbsent(child, c -> new ArrayList<>()).add(new Edge(group, at));
        pending.putIfAbsent(child, new Pending("children", at, child.length(), group));
    }

    private void readHost(String line, SourcePosition at) {
        List<IniWords.Word> words;
        try {
            words = IniWords.split(line);
        } catch (IllegalArgumentException e) {
            error(e.getMessage(), at, line.length(), "close the quote, or escape it with a backslash");
            return;
        }
        if (words.isEmpty()) return;
        IniWords.Word pattern = words.get(0);
        Map<String, Object> vars = hostVars(words.subList(1, words.size()), at);
        if (vars == null) return;
        HostRange.Expanded hosts;
        try {
            hosts = HostRange.expandWithPort(pattern.text());
        } catch (IllegalArgumentException e) {
            error(e.getMessage(), shift(at, pattern.column()), pattern.text().length(), null);
            return;
        }
        if (hosts.names().contains("---")) {
            error("invalid host pattern '---': '---' is normally a sign this is a YAML file", at, 3,
                    "a YAML inventory starts with a group name such as `all:`");
            return;
        }
        Map<String, Object> all = new LinkedHashMap<>();
        if (hosts.port() != null) all.put("ansible_port", hosts.port());
        all.putAll(vars);
        for (String name : hosts.names()) builder.host(group, name, all, at);
    }

    private Map<String, Object> hostVars(List<IniWords.Word> words, SourcePosition at) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (IniWords.Word w : words) {
            int eq = w.text().indexOf('=');
            if (eq < 0) {
                error("expected key=value host variable assignment, got '" + w.text() + "'", shift(at, w.column()),
                        w.text().length(), "write variables as key=value after the host name; quote values with spaces");
                return null;
            }
            vars.put(w.text().substring(0, eq), valueOf(w.text().substring(eq + 1)));
        }
        return vars;
    }

    private static Object valueOf(String text) {
        return PythonLiteral.valueOf(text);
    }

    private void reportUndeclared(String name, Pending p) {
        if (p.state().equals("vars")) {
            error("section [" + name + ":vars] is not valid for undefined group '" + name + "'", p.at(), p.width(),
                    "declare the group with a [" + name + "] or [" + name + ":children] section");
        } else if (p.state().equals("children") && p.parent() != null) {
            error("section [" + p.parent() + ":children] includes undefined group '" + name + "'", p.at(), p.width(),
                    "declare it with a [" + name + "] section, or remove it from [" + p.parent() + ":children]");
        }
    }

    private static SourcePosition shift(SourcePosition at, int offset) {
        return new SourcePosition(at.file(), at.line(), at.column() + offset);
    }

    private void error(String summary, SourcePosition at, int width, String hint) {
        Diagnostic d = Diagnostic.error(summary, at).withWidth(width);
        diagnostics.add(hint == null ? d : d.withHint(hint));
    }
}
