package io.swarmplay.template;

/**
 * A variable's value read as its text as written: Ansible's {@code hostvars[h].x} whose template
 * uses a variable undefined in that host's variables ({@code fail_on_undefined=False}). The render
 * reading it does not render it again, but unlike {@link Unsafe} it marks nothing: a variable set
 * from it is a template again, rendered where it is read (with the reader's variables).
 */
public record AsWritten(Object value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
