package io.swarmplay.source;

/**
 * What one YAML file may hold. Each limit is far above what a playbook, an inventory or a vars
 * file needs and low enough that a hostile file is refused in about a second and a few hundred
 * megabytes at most, with its position, instead of exhausting memory or the stack.
 */
public final class YamlLimits {

    /** Nesting levels of lists and mappings (aliases count as the levels they stand for). */
    public static final int MAX_DEPTH = 200;

    /** Values in one file once every alias is written out (a "billion laughs" file has 10^9); about 0.5 KB each. */
    public static final int MAX_VALUES = 250_000;

    /** Characters in one file (snakeyaml's code point limit). */
    public static final int MAX_CHARS = 8 * 1024 * 1024;

    /** Bytes of one file, checked before it is read (UTF-8 needs at most 4 per character). */
    public static final long MAX_BYTES = 4L * MAX_CHARS;

    private YamlLimits() {
    }
}
