package io.swarmplay.run;

/** The process exit codes, listed in {@code --help}. */
public enum ExitStatus {
    OK(0, "ok (also a --check or --plan run with pending changes)"),
    INTERNAL_ERROR(1, "internal error"),
    HOST_FAILED(2, "a host failed"),
    HOST_UNREACHABLE(3, "a host was unreachable (none failed)"),
    LOAD_ERROR(4, "load, parse or validation error"),
    USAGE(5, "bad command-line usage"),
    INTERRUPTED(99, "interrupted (Ctrl-C or SIGTERM)");

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
