package io.swarmplay.module;

import java.util.List;

/** Arguments that do not fit a module: every problem at once, each naming its key. */
public final class ArgsException extends RuntimeException {

    /** One problem: the argument key (or null for the whole map), what is wrong, and a hint or null. */
    public record Problem(String key, String message, String hint) {
    }

    private final List<Problem> problems;

    public ArgsException(List<Problem> problems) {
        super(problems.isEmpty() ? "bad arguments" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
