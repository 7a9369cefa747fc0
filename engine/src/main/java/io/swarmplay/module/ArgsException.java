package io.swarmplay.module;

import java.util.List;

/** Arguments that do not fit a module: every problem at once, each naming its key. */
public final class ArgsException extends RuntimeException {

    /**
     * One problem: the argument key (or null for the whole map), what is wrong, and a hint or null;
     * {@code unknown}: the key is not an argument of the module at all.
     */
    /**
     * One problem; {@code actionMessage}: the message is Ansible's action plugin's own (copy's
     * {@code dest is required}), the whole {@code msg} of the failure as in Ansible.
     */
    public record Problem(String key, String message, String hint, boolean unknown, boolean actionMessage) {

        public Problem(String key, String message, String hint) {
            this(key, message, hint, false, false);
        }

        public Problem(String key, String message, String hint, boolean unknown) {
            this(key, message, hint, unknown, false);
        }
    }

    private final List<Problem> problems;

    public ArgsException(List<Problem> problems) {
        super(problems.isEmpty() ? "bad arguments" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The keys that are no argument of the module, when that is every problem; else empty. */
    public List<String> onlyUnknownKeys() {
        if (problems.isEmpty() || !problems.stream().allMatch(Problem::unknown)) return List.of();
        return problems.stream().map(Problem::key).toList();
    }
}
