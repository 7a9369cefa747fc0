package io.swarmplay.template;

/**
 * A value known only after apply: what a step that would change registers in check and plan
 * mode. Rendering anything that touches it yields an Unknown (never a failure), so a preview
 * can show {@code (known after apply)} for later steps.
 *
 * @param origin what the value depends on, e.g. {@code result of 'create bundle'}
 */
public record Unknown(String origin) {

    /** How the plan shows it. */
    @Override
    public String toString() {
        return "(known after apply)";
    }
}
