package io.swarmplay.template;

import io.swarmplay.source.UnsafeText;

/**
 * A variable's value that came from a managed host (a registered result, a fact, or a value
 * computed from them), like Ansible's {@code AnsibleUnsafe}: it is data, never a template. A
 * {@code {{ }}} in a command's output is printed as it is, wherever the value is used, and never
 * rendered again, so a host cannot make the control node read its variables.
 *
 * <p>Only variable maps hold it, around a variable's whole value; the templar unwraps it when a
 * template reads the variable and keeps the mark on what it computes from it
 * ({@link Templar#renderData}). Code that reads variables without the templar (connection
 * settings) calls {@link #strip}.
 */
public record Unsafe(Object value) {

    /** The value marked as host data; null, an {@link Unknown} and a marked value are returned as they are. */
    public static Object wrap(Object value) {
        if (value == null || value instanceof Unknown || value instanceof Unsafe) return value;
        return new Unsafe(value);
    }

    /**
     * The value without its mark. Marks sit on variables (and loop variables) only, around plain
     * data, so the value inside is plain.
     */
    public static Object strip(Object value) {
        Object v = value;
        while (v instanceof Unsafe || v instanceof AsWritten) v = v instanceof Unsafe u ? u.value() : ((AsWritten) v).value();
        return v instanceof UnsafeText t ? t.text() : v;
    }

    /** The value's text, so that code reading a variable with {@code String.valueOf} sees the data. */
    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
