package io.swarmplay.template.filters;

/** A filter or test cannot handle its input; the message is a complete clause without values. */
public final class FilterException extends RuntimeException {

    private final String hint;
    private final boolean typeError;
    private final boolean undefined;

    public FilterException(String message) {
        this(message, null);
    }

    public FilterException(String message, String hint) {
        this(message, hint, false);
    }

    private FilterException(String message, String hint, boolean typeError) {
        this(message, hint, typeError, false);
    }

    private FilterException(String message, String hint, boolean typeError, boolean undefined) {
        super(message, null, false, false);
        this.hint = hint;
        this.typeError = typeError;
        this.undefined = undefined;
    }

    /**
     * An undefined value a filter cannot do without (Jinja's {@code UndefinedError}, e.g. an
     * item lacking {@code map}'s attribute): Ansible reports it as an undefined variable.
     */
    public static FilterException undefined(Undefined u, String hint) {
        return new FilterException(u.summary(), hint, false, true);
    }

    /** Whether an undefined value caused it. */
    public boolean undefined() {
        return undefined;
    }

    /**
     * What Python raises as a {@code TypeError} (Ansible's {@code AnsibleFilterTypeError} too, a
     * wrong argument count or type): Ansible's templar reports it as {@code Unexpected templating
     * type error occurred on (TEMPLATE): MESSAGE}, unlike an {@code AnsibleFilterError}, whose
     * message is the error.
     */
    public static FilterException typeError(String message) {
        return new FilterException(message, null, true);
    }

    /** Whether Python would raise this as a {@code TypeError}. */
    public boolean typeError() {
        return typeError;
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
