package io.swarmplay.playbook;

import io.swarmplay.source.Nodes;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the task keywords of one task, block or include into {@link TaskOptions}. Conditions
 * ({@code when}, {@code changed_when}, {@code failed_when}, {@code until}) become lists of raw
 * expressions: a boolean becomes {@code "True"}/{@code "False"}; a whole {@code "{{ x }}"} is kept (with
 * Ansible's warning), so it is rendered and its text evaluated again, as Ansible does. Keys that are not options are left to the caller.
 */
final class TaskOptionsReader {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> LOOP_CONTROL = List.of("loop_var", "label", "index_var", "pause", "extended",
            "extended_allitems");

    private final LoadSession session;

    private List<String> when = List.of();
    private Object loop;
    private String loopWith;
    private LoopControl loopControl = LoopControl.DEFAULT;
    private String register;
    private List<String> changedWhen = List.of();
    private List<String> failedWhen = List.of();
    private Flag ignoreErrors = Flag.UNSET;
    private List<String> until = List.of();
    private Object retries;
    private Object delay;
    private Flag noLog = Flag.UNSET;
    private Set<String> tags = Set.of();
    private List<String> notifies = List.of();
    private Map<String, Object> vars = Map.of();
    private Flag runOnce = Flag.UNSET;
    private String delegateTo;
    private Flag checkMode = Flag.UNSET;
    private Map<String, Object> environment = Map.of();
    private Integer timeout;
    private Flag become = Flag.UNSET;
    private String becomeUser;
    private String remoteUser;
    private final Map<String, Object> becomeKeywords = new java.util.LinkedHashMap<>();
    private Flag diff = Flag.UNSET;
    private Object async;
    private Object poll;
    private Flag anyErrorsFatal = Flag.UNSET;
    private Flag ignoreUnreachable = Flag.UNSET;
    private Flag delegateFacts = Flag.UNSET;
    private Object throttle;

    TaskOptionsReader(LoadSession session) {
        this.session = session;
    }

    /** Reads every option keyword of {@code task}; returns the options. */
    TaskOptions read(YamlNode.Mapping task) {
        for (YamlNode.Entry e : task.entries()) option(e);
        return build();
    }

    /** {@code local_action} runs on the control node. */
    void delegateToLocalhost() {
        delegateTo = "localhost";
    }

    private void option(YamlNode.Entry e) {
        YamlNode v = e.value();
        if (Templates.isOmit(v)) return; // the keyword keeps its default or inherited value, as in Ansible
        String what = "'" + e.name() + "'";
        switch (e.name()) {
            case "when" -> when = conditions(v, what);
            case "changed_when" -> changedWhen = conditions(v, what);
            case "failed_when" -> failedWhen = conditions(v, what);
            case "until" -> until = conditions(v, what);
            case "loop" -> loop = LoopValues.loop(v, e.name(), session);
            case "with_list" -> loop = LoopValues.withList(v);
            case "with_items" -> loop = LoopValues.withItems(v, session);
            case "with_dict" -> loop = LoopValues.withDict(v, session);
            case "loop_control" -> loopControl = loopControl(v);
            case "register" -> register = register(v);
            case "ignore_errors" -> ignoreErrors = flag(v, what);
            case "no_log" -> noLog = flag(v, what);
            case "run_once" -> runOnce = flag(v, what);
            case "retries" -> retries = number(v, what, true);
            case "async" -> async = number(v, what, true);
            case "poll" -> poll = number(v, what, true);
            case "delay" -> delay = number(v, what, false);
            case "tags" -> tags = tags(v, session);
            case "notify" -> notifies = Nodes.strings(v, what, session.diagnostics);
            case "vars" -> vars = map(v, what);
            case "environment" -> environment = EnvironmentKeyword.read(v, what, session.diagnostics);
            case "delegate_to" -> delegateTo = Nodes.string(v, what, session.diagnostics);
            case "check_mode" -> checkMode = flag(v, what);
            case "diff" -> diff = flag(v, what);
            case "any_errors_fatal" -> anyErrorsFatal = flag(v, what);
            case "ignore_unreachable" -> ignoreUnreachable = flag(v, what);
            case "delegate_facts" -> delegateFacts = flag(v, what);
            case "become" -> become = flag(v, what);
            case "become_user" -> becomeUser = Nodes.string(v, what, session.diagnostics);
            case "remote_user" -> remoteUser = Nodes.string(v, what, session.diagnostics);
            case "become_method", "become_exe", "become_flags" -> {
                if (e.name().equals("become_method")) becomeMethod(v, session);
                becomeKeywords.put("ansible_" + e.name(), v.value());
            }
            case "timeout" -> timeout = Nodes.integer(v, what, session.diagnostics);
            case "throttle" -> throttle = number(v, what, true);
            case "debugger" -> session.warn("'" + e.name() + "' is not supported and is ignored",
                    e.key().at(), e.name().length(), null);
            default -> {
                // module keys, name and structural keywords are the caller's
                if (Keywords.isLookupLoop(e.name())) loop = LoopValues.withLookup(e.name().substring(5), v);
            }
        }
        if (Keywords.isLookupLoop(e.name()) || e.name().startsWith("with_") && Keywords.TASK_ONLY.contains(e.name())) {
            loopWith = e.name().substring("with_".length());
        }
    }

    private TaskOptions build() {
        return new TaskOptions(when, loop, loopControl, register, changedWhen, failedWhen, ignoreErrors, until,
                retries, delay, noLog, tags, notifies, withBecomeKeywords(becomeKeywords, vars), runOnce, delegateTo, checkMode, environment, timeout,
                become, becomeUser, remoteUser, diff, async == null ? TaskOptions.Async.NONE : new TaskOptions.Async(async, poll),
                anyErrorsFatal, ignoreUnreachable, delegateFacts, loopWith, throttle);
    }

    private Object number(YamlNode v, String what, boolean whole) {
        return number(v, what, whole, session);
    }

    // a literal is checked here, where its line is known; a templated one when it is rendered
    static Object number(YamlNode v, String what, boolean whole, LoadSession session) {
        Object value = v.value();
        if (value == null || (value instanceof String s && Templates.isTemplated(s))) return value;
        double n;
        try {
            n = value instanceof Number num ? num.doubleValue() : Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            n = Double.NaN;
        }
        if (!(n >= 0 && n <= Integer.MAX_VALUE) || (whole && n != Math.rint(n))) {
            session.error("expected " + (whole ? "a whole number" : "a number of seconds") + " from 0 to " + Integer.MAX_VALUE
                    + " for " + what + ", found " + Nodes.describe(v), v.at(), Nodes.width(v), null);
            return null;
        }
        return value;
    }

    /**
     * {@code become_method}, {@code become_exe} and {@code become_flags} reach the connection as
     * the variables {@code ansible_become_method}, ... of the task or play (a variable the user
     * sets there wins).
     */
    static Map<String, Object> withBecomeKeywords(Map<String, Object> keywords, Map<String, Object> vars) {
        if (keywords.isEmpty()) return vars;
        Map<String, Object> all = new java.util.LinkedHashMap<>(vars);
        keywords.forEach(all::putIfAbsent);
        return all;
    }

    /** Checks a literal {@code become_method}: swarmplay becomes with {@link Keywords#BECOME_METHODS}. */
    static void becomeMethod(YamlNode v, LoadSession session) {
        String method = Nodes.string(v, "'become_method'", session.diagnostics);
        if (method == null || Templates.isTemplated(method) || Keywords.BECOME_METHODS.contains(method)) return;
        session.error("become_method '" + method + "' is not supported", v.at(), Nodes.width(v),
                "swarmplay becomes with " + String.join(", ", new java.util.TreeSet<>(Keywords.BECOME_METHODS))
                        + "; use become_method: sudo or drop it");
    }

    /**
     * A task's or block's boolean keyword. A scalar that is not a boolean is, as in Ansible, a failure
     * of the task when it runs (ignore_errors and register apply), so it is only warned about here.
     */
    private Flag flag(YamlNode v, String what) {
        if (v instanceof YamlNode.Scalar s && s.value() instanceof String text && !Templates.isTemplated(text)
                && Flag.ansibleBoolean(text) == null) {
            session.warn("expected true or false for " + what + ", found " + Nodes.describe(v)
                    + "; the task fails when it runs, as in Ansible", v.at(), Nodes.width(v), null);
            return Flag.invalidLiteral(text);
        }
        if (v instanceof YamlNode.Scalar s && s.value() instanceof String text && !Templates.isTemplated(text)) {
            return Flag.of(Flag.ansibleBoolean(text));
        }
        return flag(v, what, session);
    }

    /** A boolean keyword: a literal is checked here, where its line is known; a template is kept for run time. */
    static Flag flag(YamlNode v, String what, LoadSession session) {
        if (v instanceof YamlNode.Scalar s && s.value() instanceof String text && Templates.isTemplated(text)) {
            return Flag.templated(text);
        }
        return Flag.of(Nodes.bool(v, what, session.diagnostics));
    }

    private Map<String, Object> map(YamlNode v, String what) {
        return Nodes.mapping(v, what, session.diagnostics).map(YamlNode.Mapping::value).orElse(Map.of());
    }

    /** Conditions as raw expressions; see the class comment. */
    List<String> conditions(YamlNode v, String what) {
        if (v instanceof YamlNode.Sequence seq) {
            List<String> out = new java.util.ArrayList<>();
            for (YamlNode item : seq.items()) out.addAll(conditions(item, what));
            return out;
        }
        if (!(v instanceof YamlNode.Scalar s)) {
            session.error("expected a condition or a list of conditions for " + what + ", found " + v.kind(), v.at(), 1,
                    "write a Jinja expression without braces, e.g. `when: x == 1`");
            return List.of();
        }
        if (s.value() == null) return List.of();
        if (s.value() instanceof Boolean b) return List.of(b ? "True" : "False");
        String expr = Templates.wholeExpression(s.text());
        if (expr == null) return List.of(s.text());
        session.warn("conditions should not use '{{ }}': " + what + " is already an expression", s.at(), s.width(),
                "write `" + what.replace("'", "") + ": " + expr + "`");
        // kept as written: Ansible renders it, then evaluates the text again ("{{ x }}" with x: "false" is false)
        return List.of(s.text());
    }

    static Set<String> tags(YamlNode v, LoadSession session) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : Nodes.strings(v, "'tags'", session.diagnostics)) {
            for (String part : t.split(",")) if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    private String register(YamlNode v) {
        String name = Nodes.string(v, "'register'", session.diagnostics);
        if (name != null && Templates.isTemplated(name)) {
            session.warn(Keywords.notTemplatable("register", name), v.at(), Nodes.width(v), null);
        }
        if (name != null && !IDENTIFIER.matcher(name).matches()) {
            session.error("'" + name + "' is not a valid variable name for 'register'", v.at(), Nodes.width(v),
                    "use letters, digits and underscores, starting with a letter");
            return null;
        }
        return name;
    }

    private LoopControl loopControl(YamlNode v) {
        YamlNode.Mapping m = Nodes.mapping(v, "'loop_control'", session.diagnostics).orElse(null);
        if (m == null) return LoopControl.DEFAULT;
        String loopVar = "item";
        String label = null;
        String indexVar = null;
        boolean extended = false;
        boolean allItems = true;
        double pause = 0;
        Map<String, String> templates = new java.util.LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries()) {
            String what = "'" + e.name() + "'";
            if (!e.name().equals("label") && LOOP_CONTROL.contains(e.name()) && e.value() instanceof YamlNode.Scalar s
                    && s.value() instanceof String text && Templates.isTemplated(text)) {
                templates.put(e.name(), text);
                continue;
            }
            switch (e.name()) {
                case "loop_var" -> loopVar = orDefault(Nodes.string(e.value(), what, session.diagnostics), "item");
                case "label" -> label = Nodes.string(e.value(), what, session.diagnostics);
                case "index_var" -> indexVar = Nodes.string(e.value(), what, session.diagnostics);
                case "extended" -> extended = Boolean.TRUE.equals(Nodes.bool(e.value(), what, session.diagnostics));
                case "extended_allitems" -> allItems = !Boolean.FALSE.equals(Nodes.bool(e.value(), what, session.diagnostics));
                case "pause" -> pause = seconds(e.value(), what);
                default -> session.error("unknown loop_control option '" + e.name() + "'", e.key().at(), e.name().length(),
                        hintOr(Suggest.hint(e.name(), LOOP_CONTROL), "valid options: " + String.join(", ", LOOP_CONTROL)));
            }
        }
        return new LoopControl(loopVar, label, indexVar, extended, allItems, pause, templates);
    }

    private static String orDefault(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    /** {@code pause}: a number of seconds, fractions allowed. */
    private double seconds(YamlNode node, String what) {
        String text = Nodes.string(node, what, session.diagnostics);
        try {
            double seconds = text == null ? 0 : Double.parseDouble(text.trim());
            if (seconds >= 0) return seconds;
        } catch (NumberFormatException e) {
            // reported below
        }
        session.error("expected a number of seconds for " + what + ", found '" + text + "'", node.at(),
                Math.max(1, String.valueOf(text).length()), "e.g. pause: 2 or pause: 0.5");
        return 0;
    }

    static String hintOr(String hint, String fallback) {
        return hint != null ? hint : fallback;
    }
}
