package io.swarmplay.template;

/**
 * The value of {@code omit}: a module argument rendered to it is dropped, as in Ansible
 * ({@code mode: "{{ file_mode | default(omit) }}"}).
 */
public final class Omit {

    public static final Omit INSTANCE = new Omit();
    /** What {@code {{ omit }}} renders to inside a longer string. */
    public static final String PLACEHOLDER = "__omit_place_holder__";

    private Omit() {
    }

    @Override
    public String toString() {
        return PLACEHOLDER;
    }
}
