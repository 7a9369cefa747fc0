package io.swarmplay.report;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result as ansible-playbook's default callback shows it after {@code => }: the module's data
 * with Ansible's {@code changed}, {@code msg}, {@code skip_reason}, {@code ansible_facts} and
 * {@code stdout_lines}, without {@code failed}, {@code skipped} (Ansible's {@code TaskResult.clean_copy}), internal ({@code _ansible_*}), {@code invocation},
 * {@code diff} and {@code exception} keys; a {@code debug} result only its message or variable.
 * Printed as Python's {@code json.dumps} with sorted keys ({@link Json#python}).
 */
public final class ResultView {

    /** Ansible's {@code _DEBUG_ALLOWED_KEYS}: what a debug result with {@code msg} keeps. */
    private static final Set<String> DEBUG_ALLOWED = Set.of("msg", "exception", "warnings", "deprecations");
    /** Ansible's {@code _hide_in_debug}: what a debug result of {@code var} drops. */
    private static final Set<String> HIDE_IN_DEBUG = Set.of("changed", "failed", "skipped", "invocation", "skip_reason");
    private static final Set<String> NEVER_SHOWN = Set.of("failed", "skipped", "exception");
    /** What Ansible shows only from -vvv. */
    private static final Set<String> VERY_VERBOSE = Set.of("invocation", "diff");

    private ResultView() {
    }

    /** A result's key (never shown, never registered) holding where a failed template was written, for the failure line. */
    public static final String WHERE = "_swarmplay_where";

    /**
     * A result's key (never shown, never registered) marking a check-mode step's data as the module's
     * final result: Ansible registers what a module returns in check mode (a preview in plan mode is not that).
     */
    public static final String CHECK_RESULT = "_swarmplay_check_result";

    /** Actions that run no module on the host: their results have no {@code invocation}. */
    private static final Set<String> CONTROLLER_ACTIONS = Set.of("debug", "assert", "fail", "set_fact", "add_host",
            "group_by", "include_vars", "pause", "set_stats", "meta");

    /**
     * The shown result of {@code outcome} (of a task of {@code module} called with {@code args}), with
     * {@code extra} keys (a loop item's); from -vvv a module's result shows its {@code invocation}.
     */
    static Map<String, Object> of(Outcome outcome, String module, Map<String, Object> args, Map<String, Object> extra,
                                  int verbosity) {
        Map<String, Object> view = new LinkedHashMap<>(outcome.data());
        if (verbosity >= 3 && ranModule(outcome, module, args)) view.putIfAbsent("invocation", Map.of("module_args", args));
        view.put("changed", outcome.changedFlag() || outcome.status() == Status.WOULD_CHANGE);
        if (!outcome.facts().isEmpty()) view.putIfAbsent("ansible_facts", outcome.facts());
        boolean failed = outcome.status() == Status.FAILED || outcome.status() == Status.UNREACHABLE;
        if (failed && outcome.message() != null) view.putIfAbsent("msg", outcome.message());
        if (outcome.status() == Status.UNREACHABLE) view.put("unreachable", true);
        if (outcome.status() == Status.SKIPPED && outcome.message() != null && !view.containsKey("msg")
                && !view.containsKey("skipped_reason")) {
            view.put("skip_reason", outcome.message());
        }
        addLines(view, "stdout");
        addLines(view, "stderr");
        view.putAll(extra);
        view.keySet().removeIf(k -> k.startsWith("_ansible") || k.equals(WHERE) || k.equals(CHECK_RESULT) || NEVER_SHOWN.contains(k)
                || VERY_VERBOSE.contains(k) && verbosity < 3);
        if (module.equals("debug") || module.endsWith(".debug")) debugOnly(view);
        return view;
    }

    /**
     * Whether the result is a module's that echoes its arguments as {@code invocation}. A module that
     * crashed (Ansible's MODULE FAILURE: {@code module_stderr}) echoed nothing, and Ansible shows none.
     */
    private static boolean ranModule(Outcome outcome, String module, Map<String, Object> args) {
        if (args.isEmpty() || outcome.status() == Status.SKIPPED || outcome.change() == null) return false;
        if (outcome.data().containsKey("module_stderr")) return false;
        return !CONTROLLER_ACTIONS.contains(module.substring(module.lastIndexOf('.') + 1));
    }

    /** Ansible's {@code _clean_results} for debug: the message alone, or the variable without status keys. */
    private static void debugOnly(Map<String, Object> view) {
        if (view.containsKey("msg")) view.keySet().removeIf(k -> !DEBUG_ALLOWED.contains(k));
        else view.keySet().removeAll(HIDE_IN_DEBUG);
    }

    private static void addLines(Map<String, Object> view, String key) {
        if (view.get(key) instanceof String text && !view.containsKey(key + "_lines")) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            view.put(key + "_lines", lines);
        }
    }
}
