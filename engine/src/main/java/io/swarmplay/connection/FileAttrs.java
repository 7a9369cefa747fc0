package io.swarmplay.connection;

/**
 * Attributes to apply to a written file; each null part is left as the host makes it.
 *
 * @param mode  permission bits, or null
 * @param owner user name, or null
 * @param group group name, or null
 */
public record FileAttrs(Integer mode, String owner, String group) {

    public static final FileAttrs DEFAULT = new FileAttrs(null, null, null);

    public static FileAttrs mode(int mode) {
        return new FileAttrs(mode, null, null);
    }
}
