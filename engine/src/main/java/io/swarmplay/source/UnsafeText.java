package io.swarmplay.source;

/**
 * A string tagged {@code !unsafe} in YAML: Ansible's {@code AnsibleUnsafeText}, text that is never
 * rendered as a template ({@code {{ }}} in it is printed as written), nor is what is computed from it.
 */
public record UnsafeText(String text) implements CharSequence {

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
