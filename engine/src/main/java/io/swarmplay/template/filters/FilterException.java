package io.swarmplay.template.filters;

/** A filter or test cannot handle its input; the message is a complete clause without values. */
public final class FilterException extends RuntimeException {

    private final String hint;

    public FilterException(String message) {
        this(message, null);
    }

    public FilterException(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    /**
     * The message for a filter or test name nothing provides: Ansible's own words first (its
     * {@code Could not load "NAME"}, which playbooks assert on), then ours.
     */
    public static String unknownName(String kind, String name) {
        return "Could not load \"" + name + "\": unknown " + kind + " '" + name + "'";
    }

    public String hint() {
        return hint;
    }
}
