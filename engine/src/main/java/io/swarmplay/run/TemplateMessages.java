package io.swarmplay.run;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.TemplateException;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Ansible's {@code msg} for a template that failed while a task ran: what {@code register} keeps
 * and the failure line shows, worded as ansible-playbook 2.14 words it so that playbooks comparing
 * {@code result.msg} behave the same. An error a filter or lookup raises is its own message; an
 * undefined value is wrapped in the sentence of the place it failed in (an option, a field, a
 * condition, a loop), with Ansible's doubled cause ({@code AnsibleUndefinedVariable(e, orig_exc=e)}).
 */
final class TemplateMessages {

    /** Ansible's remark on a line holding {@code {{ }}} (its test misses quoted templates but for both quotes). */
    private static final String UNQUOTED_HINT = """
            We could be wrong, but this one looks like it might be an issue with
            missing quotes. Always quote template expression brackets when they
            start a value. For instance:

                with_items:
                  - {{ foo }}

            Should be written as:

                with_items:
                  - "{{ foo }}"
            """;

    private TemplateMessages() {
    }

    /**
     * A failure while the task's {@code when} or arguments were rendered, at {@code task} (its first key):
     * Ansible names the task's position for an undefined option and for a condition.
     */
    static String ofTask(TemplateException e, SourcePosition task) {
        if (e.condition() != null) return conditional(e) + location(task);
        if (!e.undefined()) return e.summary();
        return "The task includes an option with an undefined variable. The error was: " + twice(e.summary()) + location(task);
    }

    /** A failure inside the module's own evaluation (assert's {@code that}): a condition is named, without a position. */
    static String ofModule(TemplateException e, SourcePosition task) {
        return e.condition() != null ? conditional(e) : ofTask(e, task);
    }

    /** A templated task keyword ({@code become: "{{ x }}"}), as Ansible's {@code post_validate} words it. */
    static String ofKeyword(String keyword, TemplateException e) {
        if (!e.undefined()) return e.summary();
        return "The field '" + keyword + "' has an invalid value, which includes an undefined variable. The error was: "
                + twice(twice(e.summary()));
    }

    /** The {@code loop}/{@code with_*} value: the cause alone. */
    static String ofLoop(TemplateException e) {
        return e.undefined() ? twice(e.summary()) : e.summary();
    }

    /** The failed outcome with Ansible's {@code msg}, and where the template was written (with a hint) for the failure line. */
    static io.swarmplay.module.Outcome failed(String msg, TemplateException e) {
        String where = (e.position().isKnown() ? e.position().toString() : "") + (e.hint() != null ? " (" + e.hint() + ")" : "");
        io.swarmplay.module.Outcome failed = io.swarmplay.module.Outcome.failed(msg);
        return where.isBlank() ? failed : failed.withData(java.util.Map.of(io.swarmplay.report.ResultView.WHERE, where.strip()));
    }

    private static String conditional(TemplateException e) {
        String cause = e.undefined()
                ? "error while evaluating conditional (" + e.condition() + "): " + twice(e.summary())
                : e.summary();
        return "The conditional check '" + e.condition() + "' failed. The error was: " + cause;
    }

    static String twice(String cause) {
        return cause + ". " + cause;
    }

    /** Ansible's {@code AnsibleError} position paragraph: the file, the line before, the line and a caret. */
    static String location(SourcePosition at) {
        if (at == null || !at.isKnown()) return "";
        String file = at.file().toAbsolutePath().normalize().toString();
        StringBuilder text = new StringBuilder("\n\nThe error appears to be in '" + file + "': line " + at.line()
                + ", column " + at.column() + ", but may\nbe elsewhere in the file depending on the exact syntax problem.\n");
        List<String> lines = lines(at);
        if (at.line() > lines.size()) return text.toString();
        String previous = at.line() >= 2 ? lines.get(at.line() - 2) : "";
        String line = lines.get(at.line() - 1);
        text.append("\nThe offending line appears to be:\n\n").append(previous.stripTrailing()).append('\n')
                .append(line.stripTrailing()).append('\n')
                .append(" ".repeat(Math.max(0, at.column() - 1))).append("^ here\n");
        if (line.contains("{{") && line.contains("}}") && !(line.contains("\"{{") && line.contains("'{{"))) {
            text.append(UNQUOTED_HINT);
        }
        return text.toString();
    }

    private static List<String> lines(SourcePosition at) {
        try {
            return Files.readAllLines(at.file());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
