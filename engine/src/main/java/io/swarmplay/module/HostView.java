package io.swarmplay.module;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A read-only look at one host for {@link Module#plan}: probe commands, stat and read files,
 * evaluate expressions in the host's variables, read control-node files.
 *
 * <p>Contract: nothing here changes the host, provided probed commands are read-only (the
 * method name makes that intent visible to review).
 */
public interface HostView {

    /** The inventory name of the host the task runs for. */
    String name();

    /** Runs a read-only command. */
    ExecResult probe(Command command);

    Optional<FileStat> stat(String path);

    Optional<String> sha256(String path);

    /** A regular file's bytes; a {@link ModuleException} when it cannot be read. */
    default byte[] read(String path) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        readInto(path, sink);
        return sink.toByteArray();
    }

    /** Streams a regular file into {@code sink}. */
    void readInto(String path, java.io.OutputStream sink);

    /**
     * Evaluates a Jinja expression (no braces, as in {@code when:}) in this host's variables.
     *
     * @throws ValueUnknownException when the value is known only after apply (plan/check mode)
     */
    Object evaluate(String expression);

    /**
     * Whether the value of the task's argument {@code argument} came from host data or {@code !unsafe}
     * text (Ansible's unsafe values): it is data, never to be evaluated as a template or expression.
     */
    default boolean isData(String argument) {
        return false;
    }

    /**
     * Whether anything reads the step's result data beyond its status: a {@code register},
     * {@code changed_when}/{@code failed_when}/{@code until}, {@code -v} or JSON output, a preview.
     * When not, a module may leave out values that cost work (true when unknown).
     */
    default boolean resultRead() {
        return true;
    }

    /**
     * Whether the run's templates keep native types (Ansible's {@code jinja2_native}): then a
     * templated text stays text where Ansible would otherwise convert it (set_fact's booleans).
     */
    default boolean nativeTypes() {
        return false;
    }

    /** The number of {@code -v} of the run (Ansible's display verbosity). */
    default int verbosity() {
        return 0;
    }

    /**
     * Why {@code expression} is undefined, as Ansible's {@code AnsibleUndefinedVariable} words it
     * (the cause, twice); null when it evaluates.
     */
    default String undefinedReason(String expression) {
        return null;
    }

    /**
     * Evaluates a condition with Jinja truthiness.
     *
     * @throws ValueUnknownException when the outcome is known only after apply (plan/check mode)
     */
    boolean test(String expression);

    /**
     * Finds a file on the control node the way Ansible does for {@code src:}: an absolute path
     * as is; a relative one under {@code <playbook dir>/<kind>/}, then {@code <playbook dir>/},
     * then {@code <playbook dir>/../<kind>/} where kind is {@code files} or {@code templates}.
     */
    Path controlFile(String path, String kind);

    /** Renders a Jinja template file from the control node with this host's variables. */
    String renderTemplate(Path template);

    /**
     * As {@link #renderTemplate(Path)}, the file's text first passed through {@code syntax} (which
     * rewrites the template's own delimiters and whitespace settings into the standard ones), with
     * {@code templateVars} (the template module's {@code template_*} variables) over the host's.
     */
    default String renderTemplate(Path template, java.util.function.UnaryOperator<String> syntax,
                                  java.util.Map<String, Object> templateVars) {
        return renderTemplate(template);
    }

    /**
     * Another inventory host, read-only, for modules that move data between hosts through the
     * control node ({@code transfer}). Expressions still evaluate in this step's variables.
     *
     * @throws ModuleException when no inventory host has that name
     */
    default HostView otherHost(String name) {
        throw new ModuleException("this step cannot reach other hosts");
    }

    /** Extra per-host services that modules of other packages add (e.g. a Docker endpoint). */
    default <T> Optional<T> extension(Class<T> type) {
        return Optional.empty();
    }
}
