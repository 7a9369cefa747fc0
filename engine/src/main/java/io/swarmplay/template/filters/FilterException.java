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

    public String hint() {
        return hint;
    }
}
