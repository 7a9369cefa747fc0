package io.swarmplay.connection.docker;

/**
 * A bind mount or a named volume in a container.
 *
 * @param type     {@code bind} (source is a host path) or {@code volume} (source is a volume name)
 * @param source   the host path or volume name
 * @param target   the path inside the container
 * @param readOnly mounted read-only
 */
public record MountSpec(String type, String source, String target, boolean readOnly) {

    /**
     * Parses {@code docker run -v}'s {@code src:dst[:ro|rw]}: a source starting with {@code /} or
     * {@code .} is a host path, anything else a volume name.
     */
    public static MountSpec parse(String text) {
        String[] parts = text.split(":");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("volume '" + text + "' is not of the form source:/target[:ro]");
        }
        String options = parts.length == 3 ? parts[2] : "rw";
        if (!options.matches("(ro|rw)(,\\w+)*|\\w+,(ro|rw)")) {
            throw new IllegalArgumentException("volume '" + text + "': unknown mode '" + options + "' (use ro or rw)");
        }
        return of(parts[0], parts[1], options.contains("ro"));
    }

    /** A mount whose type follows from the source: a path is a bind, a name a volume. */
    public static MountSpec of(String source, String target, boolean readOnly) {
        boolean path = source.startsWith("/") || source.startsWith(".");
        return new MountSpec(path ? "bind" : "volume", source, target, readOnly);
    }

    /** The {@code -v} form, for messages and diffs. */
    @Override
    public String toString() {
        return source + ":" + target + (readOnly ? ":ro" : "");
    }
}
