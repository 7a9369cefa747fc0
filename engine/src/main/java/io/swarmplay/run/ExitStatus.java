package io.swarmplay.run;

/** The process exit codes, listed in {@code --help}. */
public enum ExitStatus {
    OK(0, "ok (also a --check or --plan run with pending changes)"),
    INTERNAL_ERROR(1, "internal error"),
    HOST_FAILED(2, "a host failed"),
    /** A {@code --plan} that could not contact a host (its steps are planned as unknown), or {@code trust}. */
    NOT_CONTACTED(3, "a --plan (or trust) could not contact a host (none failed)"),
    /** A run with an unreachable host, as ansible-playbook 2.14 exits ({@code RUN_UNREACHABLE_HOSTS}). */
    HOST_UNREACHABLE(4, "a host was unreachable (none failed)"),
    LOAD_ERROR(4, "load, parse or validation error"),
    /** A load error Ansible raises as a general AnsibleError (a role not found), as ansible-playbook 2.14 exits. */
    LOAD_ERROR_GENERAL(1, "a load error ansible-playbook exits 1 for (a role not found)"),
    USAGE(5, "bad command-line usage"),
    INTERRUPTED(99, "interrupted (Ctrl-C or SIGTERM)"),
    /** {@code --plan --detailed-exitcode}: the plan would change something (Terraform's 2). */
    PLAN_CHANGES(2, "with --plan --detailed-exitcode: changes pending"),
    /** {@code --plan --detailed-exitcode}: a step cannot be planned, e.g. it would fail (Terraform's 1). */
    PLAN_ERROR(1, "with --plan --detailed-exitcode: a step would fail");

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /**
     * Terraform's {@code -detailed-exitcode} for a plan that ended with {@code status}: 0 nothing
     * to change, 2 changes pending (unknowns included: they may change), 1 a step would fail;
     * unreachable hosts (3), load (4) and usage (5) errors and interrupts (99) keep their codes.
     */
    public static ExitStatus detailed(ExitStatus status, io.swarmplay.plan.Plan plan) {
        return switch (status) {
            case OK -> plan.isEmpty() ? OK : PLAN_CHANGES;
            case HOST_FAILED -> PLAN_ERROR;
            default -> status;
        };
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
